import { describe, expect, it } from 'vitest';
import type { Container, ContainerState, ContainerStatus, Pod } from '../../api/types';
import { podTable } from './pod';
import { at } from './testdata';

// The READY, STATUS and RESTARTS cells, case by case as printPod (printers.go, v1.31) derives them.

const NOW = 600_000;

const status = (name: string, state: ContainerState, over: Partial<ContainerStatus> = {}) => ({
  name,
  image: 'busybox',
  imageID: '',
  ready: false,
  restartCount: 0,
  state,
  ...over,
});
const running: ContainerState = { running: { startedAt: at(10) } };
const waiting = (reason: string): ContainerState => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number): ContainerState => ({
  terminated: { exitCode, reason, signal },
});

interface Shape {
  phase?: string;
  reason?: string;
  conditions?: [string, string, string?][];
  inits?: ContainerStatus[];
  sidecars?: string[];
  containers: ContainerStatus[];
  deleting?: boolean;
}

function podOf(s: Shape): Pod {
  const spec = (name: string): Container => ({ name, image: 'busybox' });
  return {
    metadata: {
      name: 'p',
      creationTimestamp: at(0),
      ...(s.deleting ? { deletionTimestamp: at(590) } : {}),
    },
    spec: {
      initContainers: (s.inits ?? []).map((c) => ({
        ...spec(c.name),
        ...(s.sidecars?.includes(c.name) ? { restartPolicy: 'Always' } : {}),
      })),
      containers: s.containers.map((c) => spec(c.name)),
    },
    status: {
      phase: s.phase ?? 'Running',
      reason: s.reason,
      conditions: (s.conditions ?? []).map(([type, st, reason]) => ({ type, status: st, reason })),
      initContainerStatuses: s.inits,
      containerStatuses: s.containers,
    },
  };
}

const cells = (s: Shape): string[] => podTable.row(podOf(s), NOW).slice(1, 4);

describe('pod STATUS, READY and RESTARTS (printPod)', () => {
  it.each<[string, Shape, string[]]>([
    ['the phase', { phase: 'Pending', containers: [] }, ['0/0', 'Pending', '0']],
    [
      'status.reason over the phase',
      { phase: 'Failed', reason: 'Evicted', containers: [] },
      ['0/0', 'Evicted', '0'],
    ],
    [
      'a scheduling gate',
      {
        phase: 'Pending',
        conditions: [['PodScheduled', 'False', 'SchedulingGated']],
        containers: [],
      },
      ['0/0', 'SchedulingGated', '0'],
    ],
    [
      'a waiting reason',
      { phase: 'Pending', containers: [status('a', waiting('ContainerCreating'))] },
      ['0/1', 'ContainerCreating', '0'],
    ],
    [
      'the first init container not done, as i/n',
      {
        phase: 'Pending',
        inits: [status('i1', terminated(0, 'Completed')), status('i2', running)],
        containers: [status('a', waiting('PodInitializing'))],
      },
      ['0/1', 'Init:1/2', '0'],
    ],
    [
      'a failed init container by reason',
      {
        phase: 'Pending',
        inits: [status('i1', terminated(1, 'Error'), { restartCount: 2 })],
        containers: [status('a', waiting('PodInitializing'))],
      },
      ['0/1', 'Init:Error', '2'],
    ],
    [
      'a failed init container by exit code',
      {
        phase: 'Pending',
        inits: [status('i1', terminated(3))],
        containers: [status('a', waiting('PodInitializing'))],
      },
      ['0/1', 'Init:ExitCode:3', '0'],
    ],
    [
      'an init container in back-off',
      {
        phase: 'Pending',
        inits: [status('i1', waiting('CrashLoopBackOff'))],
        containers: [status('a', waiting('PodInitializing'))],
      },
      ['0/1', 'Init:CrashLoopBackOff', '0'],
    ],
    [
      'PodInitializing once init is done',
      {
        phase: 'Pending',
        inits: [status('i1', terminated(0, 'Completed'))],
        containers: [status('a', waiting('PodInitializing'))],
      },
      ['0/1', 'PodInitializing', '0'],
    ],
    [
      'OOMKilled',
      { containers: [status('a', terminated(137, 'OOMKilled'))] },
      ['0/1', 'OOMKilled', '0'],
    ],
    [
      'a signal with no reason',
      { containers: [status('a', terminated(137, undefined, 9))] },
      ['0/1', 'Signal:9', '0'],
    ],
    [
      'the first container in spec order with a reason (scanned last to first)',
      {
        containers: [
          status('a', waiting('CrashLoopBackOff'), { restartCount: 3 }),
          status('b', terminated(1, 'Error'), { restartCount: 1 }),
        ],
      },
      ['0/2', 'CrashLoopBackOff', '4'],
    ],
    [
      'Completed next to a running container of a Ready pod',
      {
        conditions: [['Ready', 'True']],
        containers: [
          status('a', terminated(0, 'Completed')),
          status('b', running, { ready: true }),
        ],
      },
      ['1/2', 'Running', '0'],
    ],
    [
      'Completed next to a running container of a pod that is not Ready',
      {
        conditions: [['Ready', 'False']],
        containers: [
          status('a', terminated(0, 'Completed')),
          status('b', running, { ready: true }),
        ],
      },
      ['1/2', 'NotReady', '0'],
    ],
    [
      'a started sidecar counted as a container',
      {
        conditions: [['Initialized', 'True']],
        inits: [status('proxy', running, { ready: true, started: true })],
        sidecars: ['proxy'],
        containers: [status('a', running, { ready: true })],
      },
      ['2/2', 'Running', '0'],
    ],
    [
      'Terminating while deleted and not finished',
      { deleting: true, containers: [status('a', running, { ready: true })] },
      ['1/1', 'Terminating', '0'],
    ],
    [
      'the terminal reason of a deleted pod that finished',
      { deleting: true, phase: 'Succeeded', containers: [status('a', terminated(0, 'Completed'))] },
      ['0/1', 'Completed', '0'],
    ],
    [
      'Unknown for a deleted pod on a lost node',
      { deleting: true, reason: 'NodeLost', containers: [status('a', running, { ready: true })] },
      ['1/1', 'Unknown', '0'],
    ],
  ])('shows %s', (_, shape, want) => expect(cells(shape)).toEqual(want));

  it('says when the last restart was: the newest lastState finish', () => {
    const last = { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(555) } };
    const shape: Shape = {
      containers: [status('a', running, { ready: true, restartCount: 3, lastState: last })],
    };
    expect(cells(shape)).toEqual(['1/1', 'Running', '3 (45s ago)']);
  });
});

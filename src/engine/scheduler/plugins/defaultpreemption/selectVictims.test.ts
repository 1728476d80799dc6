import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycleState';
import { makeNodeInfo, makePod, type PodOptions } from '../../fixtures';
import { Nominator } from '../../queue/nominator';
import { preemptionFramework, withStatus } from './fixtures';
import { REASON_NO_VICTIMS, selectVictimsOnNode } from './selectVictims';

const started = (name: string, cpu: string, priority: number, second: number, o: PodOptions = {}) =>
  withStatus(makePod({ name, cpu, priority, ...o }), {
    startTime: `2025-01-01T00:00:${String(second).padStart(2, '0')}Z`,
  });

function victimsOf(
  preemptor: ReturnType<typeof makePod>,
  pods: ReturnType<typeof makePod>[],
  nominator?: Nominator,
) {
  const node = makeNodeInfo('n1', { cpu: '4' }, pods);
  const fwk = preemptionFramework([node], nominator);
  const state = new CycleState();
  fwk.runPreFilterPlugins(state, preemptor);
  const { victims, status } = selectVictimsOnNode(fwk, state, preemptor, node, 60_000);
  return {
    victims: victims.map((v) => v.pod.metadata?.name),
    status: status.message(),
    code: status.code,
  };
}

describe('SelectVictimsOnNode', () => {
  it('finds no victims without lower-priority pods [VIC1]', () => {
    const pods = [started('a', '4', 100, 1)];
    expect(victimsOf(makePod({ cpu: '1', priority: 100 }), pods)).toEqual({
      victims: [],
      status: REASON_NO_VICTIMS,
      code: 'UnschedulableAndUnresolvable',
    });
  });

  it('reports the filter when even removing every lower-priority pod is not enough [VIC2]', () => {
    const pods = [started('a', '1', 0, 1), started('high', '3', 500, 1)];
    expect(victimsOf(makePod({ cpu: '2', priority: 100 }), pods)).toEqual({
      victims: [],
      status: 'Insufficient cpu',
      code: 'Unschedulable',
    });
  });

  it.each([
    {
      name: 'reprieves the most important pods first, by priority [VIC3]',
      cpu: '2',
      pods: [started('a', '2', 0, 1), started('b', '2', 50, 1)],
      victims: ['a'],
    },
    {
      name: 'among equal priorities, the older pod is reprieved first [VIC3]',
      cpu: '2',
      pods: [started('young', '2', 0, 30), started('old', '2', 0, 10)],
      victims: ['young'],
    },
    {
      name: 'takes several victims when one is not enough, most important first [VIC4]',
      cpu: '3',
      pods: [started('a', '1', 0, 1), started('b', '1', 10, 1), started('c', '2', 5, 1)],
      victims: ['c', 'a'],
    },
    {
      name: 'a small reprieved pod can stay where a big one cannot',
      cpu: '2',
      pods: [started('big', '3', 5, 1), started('small', '1', 0, 1)],
      victims: ['big'],
    },
  ])('$name', ({ cpu, pods, victims }) => {
    expect(victimsOf(makePod({ cpu, priority: 100 }), pods).victims).toEqual(victims);
  });

  it('counts pods nominated to the node with at least the preemptor priority as present', () => {
    const nominator = new Nominator();
    nominator.add(makePod({ name: 'waiting', cpu: '2', priority: 200 }), 'n1');
    const pods = [started('a', '2', 0, 1), started('b', '2', 0, 2)];
    expect(victimsOf(makePod({ cpu: '2', priority: 100 }), pods, nominator).victims).toEqual([
      'a',
      'b',
    ]);
  });

  it('ignores nominated pods of lower priority', () => {
    const nominator = new Nominator();
    nominator.add(makePod({ name: 'waiting', cpu: '2', priority: 10 }), 'n1');
    const pods = [started('a', '2', 0, 1), started('b', '2', 0, 2)];
    expect(victimsOf(makePod({ cpu: '2', priority: 100 }), pods, nominator).victims).toEqual(['b']);
  });

  it('takes victims out of PodTopologySpread counts, keeping pods no constraint selects [VIC2][PTS11]', () => {
    const HOST = 'kubernetes.io/hostname';
    const batch = { labels: { app: 'batch' } };
    const n1 = makeNodeInfo('n1', { labels: { [HOST]: 'n1' } }, [
      started('batch-a', '1', 0, 1, batch),
      started('batch-b', '1', 0, 2, batch),
      started('web', '1', 0, 3, { labels: { app: 'web' } }),
    ]);
    const n2 = makeNodeInfo('n2', { labels: { [HOST]: 'n2' } });
    const preemptor = makePod({
      ...batch,
      priority: 100,
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: HOST,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'batch' } },
        },
      ],
    });
    const fwk = preemptionFramework([n1, n2]);
    const state = new CycleState();
    fwk.runPreFilterPlugins(state, preemptor);
    // n1 2, n2 0: 2 + 1 − 0 > 1. With either batch pod back, 1 + 1 − 0 is still too many.
    const { victims, status } = selectVictimsOnNode(fwk, state.clone(), preemptor, n1, 60_000);
    expect([status.code, victims.map((v) => v.pod.metadata?.name)]).toEqual([
      'Success',
      ['batch-a', 'batch-b'],
    ]);
    // The dry run edits its own clone and copy: the cycle's state and the node are as they were.
    expect(fwk.runFilterPlugins(state, preemptor, n1).message()).toBe(
      "node(s) didn't match pod topology spread constraints",
    );
    expect(n1.pods.size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { Task } from '../../../client/task';
import { CycleState } from '../../framework/cycleState';
import { fitErrorMessage, newDiagnosis } from '../../framework/fitError';
import type { PostFilterOutcome } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { Status } from '../../framework/status';
import type { PodOptions } from '../../fixtures';
import { makeNodeInfo, makePod } from '../../fixtures';
import { calculateNumCandidates, findCandidates } from './candidates';
import { REASON_TERMINATING_VICTIM, podIneligibleReason } from './defaultPreemption';
import { deleting, preemptionFramework, withStatus } from './fixtures';

// Runs a PostFilter that needs no API call (no candidate found) to its end.
function settle(task: Task<PostFilterOutcome>): PostFilterOutcome {
  const step = task.next();
  if (!step.done) throw new Error('preemption unexpectedly called the apiserver');
  return step.value;
}

// The whole FailedScheduling message for mixed reasons, through the real plugins and the
// framework, as the scheduling cycle assembles it.
function failedScheduling(pod: PodOptions, nodes: NodeInfo[]): string {
  const fwk = preemptionFramework(nodes);
  const state = new CycleState();
  const pi = makePod(pod);
  const d = newDiagnosis();
  fwk.runPreFilterPlugins(state, pi);
  for (const n of nodes) {
    const s = fwk.runFilterPlugins(state, pi, n);
    if (!s.isSuccess()) d.nodeToStatus.set(n.name, s);
  }
  d.postFilterMsg = settle(fwk.runPostFilterPlugins(state, pi, d.nodeToStatus)).status.message();
  return fitErrorMessage(nodes.length, d);
}

const tainted = (): NodeInfo =>
  makeNodeInfo('cp', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });

describe('FailedScheduling with DefaultPreemption', () => {
  it('no lower-priority pods: victims not found on resource-rejected nodes [PRE2][VIC1]', () => {
    const nodes = [tainted(), makeNodeInfo('w1'), makeNodeInfo('w2')];
    expect(failedScheduling({ cpu: '100' }, nodes)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('lower-priority pods that would not free enough: the filter reasons are counted again [VIC2]', () => {
    const low = makePod({ name: 'low', cpu: '1', priority: 0 });
    const nodes = [makeNodeInfo('w1', {}, [low]), makeNodeInfo('w2')];
    expect(failedScheduling({ cpu: '100', priority: 1000 }, nodes)).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. ' +
        'preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod.',
    );
  });

  it('only unresolvable rejections: preemption is not helpful anywhere [CAND1]', () => {
    const nodes = [tainted(), makeNodeInfo('w1', { unschedulable: true })];
    expect(failedScheduling({}, nodes)).toBe(
      '0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable. ' +
        'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('preemptionPolicy Never [PRE1]', () => {
    expect(failedScheduling({ cpu: '100', preemptionPolicy: 'Never' }, [makeNodeInfo('w1')])).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
});

describe('PodEligibleToPreemptOthers [PRE1]', () => {
  const victim = withStatus(deleting(makePod({ name: 'victim', cpu: '4', priority: 0 })), {
    conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }],
  });
  const preemptor = withStatus(makePod({ name: 'high', cpu: '4', priority: 100 }), {
    nominatedNodeName: 'w1',
  });
  const unschedulable = new Status('Unschedulable', ['Insufficient cpu']);

  it('waits while a victim it preempted is still terminating on its nominated node', () => {
    const fwk = preemptionFramework([makeNodeInfo('w1', {}, [victim])]);
    expect(podIneligibleReason(fwk, preemptor, unschedulable)).toBe(REASON_TERMINATING_VICTIM);
  });

  it('preempts again once the nominated node can no longer work at all', () => {
    const fwk = preemptionFramework([makeNodeInfo('w1', {}, [victim])]);
    const gone = new Status('UnschedulableAndUnresolvable', ['node(s) were unschedulable']);
    expect(podIneligibleReason(fwk, preemptor, gone)).toBeUndefined();
  });

  it('does not wait for pods terminating for other reasons', () => {
    const deleted = deleting(makePod({ name: 'deleted', cpu: '4', priority: 0 }));
    const fwk = preemptionFramework([makeNodeInfo('w1', {}, [deleted])]);
    expect(podIneligibleReason(fwk, preemptor, unschedulable)).toBeUndefined();
  });
});

describe('candidate search [CAND2]', () => {
  it.each([
    [1, 1],
    [50, 50],
    [100, 100],
    [999, 100],
    [2000, 200],
    [5000, 500],
  ])('%i nodes tried → %i candidates wanted', (nodes, want) => {
    expect(calculateNumCandidates(nodes)).toBe(want);
  });

  it('starts at a seeded random node and stops at numCandidates', () => {
    const nodes = Array.from({ length: 150 }, (_, i) =>
      makeNodeInfo(`n${i}`, { cpu: '1' }, [makePod({ name: `low${i}`, cpu: '1', priority: 0 })]),
    );
    const pod = makePod({ name: 'high', cpu: '1', priority: 10 });
    const search = (seed: number) => {
      const fwk = preemptionFramework(nodes, undefined, seed);
      const statuses = newDiagnosis().nodeToStatus;
      for (const n of nodes)
        statuses.set(n.name, new Status('Unschedulable', ['Insufficient cpu']));
      const services = fwk.services as NonNullable<typeof fwk.services>;
      const state = new CycleState();
      fwk.runPreFilterPlugins(state, pod);
      return findCandidates(fwk, state, pod, statuses, services.rng, 0).candidates;
    };
    const found = search(1);
    expect(found).toHaveLength(100);
    const first = nodes.findIndex((n) => n.name === found[0]?.node);
    expect(found.map((c) => c.node)).toEqual(
      Array.from({ length: 100 }, (_, i) => `n${(first + i) % 150}`),
    );
    expect(search(1)[0]?.node).toBe(found[0]?.node);
    expect(new Set([1, 2, 3, 4, 5].map((s) => search(s)[0]?.node)).size).toBeGreaterThan(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { NodeInfo } from '../../framework/nodeInfo';
import { CycleState } from '../../framework/cycleState';
import { fitErrorMessage, newDiagnosis } from '../../framework/fitError';
import { Framework } from '../../framework/framework';
import type { PodOptions } from '../../fixtures';
import { makeNodeInfo, makePod } from '../../fixtures';
import { defaultProfile } from '../defaults';
import { inTreeRegistry } from '../registry';

// The whole FailedScheduling message for mixed reasons, through the real plugins and the
// framework, as the scheduling cycle assembles it.
function failedScheduling(pod: PodOptions, nodes: NodeInfo[]): string {
  const lister = { list: () => nodes, get: (n: string) => nodes.find((x) => x.name === n) };
  const fwk = new Framework(defaultProfile(), inTreeRegistry(), lister);
  const state = new CycleState();
  const pi = makePod(pod);
  const d = newDiagnosis();
  fwk.runPreFilterPlugins(state, pi);
  for (const n of nodes) {
    const s = fwk.runFilterPlugins(state, pi, n);
    if (!s.isSuccess()) d.nodeToStatus.set(n.name, s);
  }
  d.postFilterMsg = fwk.runPostFilterPlugins(state, pi, d.nodeToStatus).status.message();
  return fitErrorMessage(nodes.length, d);
}

const tainted = (): NodeInfo =>
  makeNodeInfo('cp', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });

describe('FailedScheduling with DefaultPreemption', () => {
  it('no lower-priority pods: victims not found on resource-rejected nodes [PRE2][PRE3]', () => {
    const nodes = [tainted(), makeNodeInfo('w1'), makeNodeInfo('w2')];
    expect(failedScheduling({ cpu: '100' }, nodes)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('lower-priority pods that would not free enough: the filter reasons are counted again', () => {
    const low = makePod({ name: 'low', cpu: '1', priority: 0 });
    const nodes = [makeNodeInfo('w1', {}, [low]), makeNodeInfo('w2')];
    expect(failedScheduling({ cpu: '100', priority: 1000 }, nodes)).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. ' +
        'preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod.',
    );
  });

  it('only unresolvable rejections: preemption is not helpful anywhere', () => {
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

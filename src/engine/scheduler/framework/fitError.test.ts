import { describe, expect, it } from 'vitest';
import { fitErrorMessage, newDiagnosis } from './fitError';
import { Status } from './status';

const taint = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('FitError message', () => {
  it('counts reasons over nodes and sorts the "<count> <reason>" strings [FIT1]', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('cp', new Status('UnschedulableAndUnresolvable', [taint]));
    d.nodeToStatus.set('w1', new Status('Unschedulable', ['Insufficient cpu']));
    d.nodeToStatus.set(
      'w2',
      new Status('Unschedulable', ['Insufficient cpu', 'Insufficient memory']),
    );
    d.postFilterMsg =
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(fitErrorMessage(3, d)).toBe(
      `0/3 nodes are available: 1 Insufficient memory, 1 ${taint}, 2 Insufficient cpu. ` +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('sorts as Go does: by bytes, so "10 …" comes before "2 …"', () => {
    const d = newDiagnosis();
    for (let i = 0; i < 10; i++)
      d.nodeToStatus.set(`a${i}`, new Status('Unschedulable', ['Too many pods']));
    for (let i = 0; i < 2; i++)
      d.nodeToStatus.set(
        `b${i}`,
        new Status('UnschedulableAndUnresolvable', ['node(s) were unschedulable']),
      );
    expect(fitErrorMessage(12, d)).toBe(
      '0/12 nodes are available: 10 Too many pods, 2 node(s) were unschedulable.',
    );
  });

  it('counts nodes without an entry under the absent-nodes status', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('n1', new Status('Unschedulable', ['Insufficient cpu']));
    d.nodeToStatus.setAbsentNodesStatus(
      new Status('UnschedulableAndUnresolvable', [
        "node(s) didn't satisfy plugin(s) [NodeAffinity]",
      ]),
    );
    expect(fitErrorMessage(4, d)).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    );
  });

  it('uses the PreFilter message instead of the histogram [FIT2]', () => {
    const d = newDiagnosis();
    d.preFilterMsg = 'pod affinity terms conflict';
    d.nodeToStatus.setAbsentNodesStatus(
      new Status('UnschedulableAndUnresolvable', [d.preFilterMsg]),
    );
    d.postFilterMsg =
      'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    expect(fitErrorMessage(2, d)).toBe(
      '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });
});

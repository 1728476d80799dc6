import type { Pod } from '../../api/types';
import { intValue, milliValue } from '../../api/quantity';
import type { Allocatable } from '../core';
import { outOfResource } from '../events';

// Kubelet admission (pkg/kubelet/lifecycle/predicate.go, GeneralPredicates): a pod bound to the
// node is checked against the node's allocatable resources minus the requests of the pods already
// admitted. A pod that does not fit is rejected: phase Failed, reason OutOfcpu.
//   [ADM1] checks run in the scheduler's order: pods, cpu, memory; the first shortfall is reported.
//   [ADM2] a pod's request is the larger of its containers' sum and its largest init container.

interface Requests {
  milliCpu: number;
  memoryBytes: number;
}

// Admission sums the requests of every pod already on the node, up to 110 of them, for each new
// pod; a pod object never changes (it is replaced), so its sum is worked out once.
const requestsOf = new WeakMap<Pod, Readonly<Requests>>();

/** A pod's effective requests in milli-CPU and bytes. [ADM2] */
export function podRequests(pod: Pod): Readonly<Requests> {
  let sum = requestsOf.get(pod);
  if (!sum) requestsOf.set(pod, (sum = computeRequests(pod)));
  return sum;
}

function computeRequests(pod: Pod): Requests {
  const sum = { milliCpu: 0, memoryBytes: 0 };
  for (const c of pod.spec?.containers ?? []) {
    sum.milliCpu += milliValue(c.resources?.requests?.cpu);
    sum.memoryBytes += intValue(c.resources?.requests?.memory);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    sum.milliCpu = Math.max(sum.milliCpu, milliValue(c.resources?.requests?.cpu));
    sum.memoryBytes = Math.max(sum.memoryBytes, intValue(c.resources?.requests?.memory));
  }
  return sum;
}

/** Returns why a pod cannot be admitted next to the active ones, or undefined if it fits. [ADM1] */
export function admit(
  pod: Pod,
  active: readonly Pod[],
  node: Allocatable,
): { reason: string; message: string } | undefined {
  if (active.length + 1 > node.pods) return outOfResource('pods', 1, active.length, node.pods);
  const want = podRequests(pod);
  const used = { milliCpu: 0, memoryBytes: 0 };
  for (const p of active) {
    const r = podRequests(p);
    used.milliCpu += r.milliCpu;
    used.memoryBytes += r.memoryBytes;
  }
  if (want.milliCpu > 0 && used.milliCpu + want.milliCpu > node.milliCpu)
    return outOfResource('cpu', want.milliCpu, used.milliCpu, node.milliCpu);
  if (want.memoryBytes > 0 && used.memoryBytes + want.memoryBytes > node.memoryBytes)
    return outOfResource('memory', want.memoryBytes, used.memoryBytes, node.memoryBytes);
  return undefined;
}

import type { Container, Pod } from '../../api/types';
import { Quantity, addResourceList } from './quantity';

// A pod's effective requests and limits (kubectl/pkg/util/resource PodRequestsAndLimits) and its
// QoS class (kubectl/pkg/util/qos GetPodQOS), as describe node and describe pod use them.

type Field = 'requests' | 'limits';

// Regular containers run together (sum); init containers run one at a time before them (max),
// except restartable "sidecar" init containers, which keep running and so add up.
function podTotal(pod: Pod, field: Field): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  for (const c of pod.spec?.containers ?? []) addResourceList(total, c.resources?.[field]);
  const sidecars = new Map<string, Quantity>();
  const initMax = new Map<string, Quantity>();
  for (const c of pod.spec?.initContainers ?? []) {
    let during: Map<string, Quantity>;
    if (c.restartPolicy === 'Always') {
      addResourceList(total, c.resources?.[field]);
      addResourceList(sidecars, c.resources?.[field]);
      during = sidecars;
    } else {
      during = new Map(sidecars);
      addResourceList(during, c.resources?.[field]);
    }
    maxInto(initMax, during);
  }
  maxInto(total, initMax);
  addResourceList(total, pod.spec?.overhead);
  return total;
}

function maxInto(into: Map<string, Quantity>, other: Map<string, Quantity>): void {
  for (const [name, q] of other) {
    const prev = into.get(name);
    if (!prev || q.cmp(prev) > 0) into.set(name, q);
  }
}

/** Returns a pod's total requests and limits by resource name. */
export function podRequestsAndLimits(pod: Pod): {
  requests: Map<string, Quantity>;
  limits: Map<string, Quantity>;
} {
  return { requests: podTotal(pod, 'requests'), limits: podTotal(pod, 'limits') };
}

const QOS_RESOURCES = ['cpu', 'memory'];

function positive(
  list: Readonly<Record<string, string | number>> | undefined,
): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const name of QOS_RESOURCES) {
    const q = Quantity.parse(list?.[name]);
    if (q && q.nanos > 0n) out.set(name, q);
  }
  return out;
}

/** Returns BestEffort, Burstable or Guaranteed: status.qosClass when set, else computed. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Container[] = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
  ];
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of containers) {
    for (const [n, q] of positive(c.resources?.requests))
      requests.set(n, requests.get(n)?.add(q) ?? q);
    const lim = positive(c.resources?.limits);
    for (const [n, q] of lim) limits.set(n, limits.get(n)?.add(q) ?? q);
    if (!QOS_RESOURCES.every((r) => lim.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  for (const [n, q] of requests) {
    if (limits.get(n)?.cmp(q) !== 0) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

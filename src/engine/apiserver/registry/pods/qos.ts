import type { Pod } from '../../../api/types';
import { compareQuantities, parseExactQuantity } from '../../validation/quantity';

// The QoS class the apiserver stamps on a pod at creation (pkg/apis/core/helper/qos: GetPodQOS).
// Only cpu and memory count; init containers count like regular ones.

/** A pod's Quality of Service class. */
export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

type Sums = Map<string, bigint>;

function add(sums: Sums, name: string, q: string | number): void {
  const nano = parseExactQuantity(q)?.nano ?? 0n;
  if (nano > 0n) sums.set(name, (sums.get(name) ?? 0n) + nano);
}

/** Computes a pod's QoS class: Guaranteed, Burstable or BestEffort. */
export function computePodQOS(pod: Pod): QOSClass {
  const requests: Sums = new Map();
  const limits: Sums = new Map();
  let guaranteed = true;
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {}))
      if (name === 'cpu' || name === 'memory') add(requests, name, q);
    const found = new Set<string>();
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      if (compareQuantities(q, 0) > 0) found.add(name);
      add(limits, name, q);
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

import { intValue, milliValue } from '../../api/quantity';
import type { Container, Node, PodSpec } from '../../api/types';

// Resource arithmetic as pkg/scheduler/framework/types.go (Resource) and
// pkg/api/v1/resource/helpers.go (PodRequests): CPU in milli-cores, memory in bytes.

/** CPU and memory amounts (framework.Resource, limited to what the simulator models). */
export interface Resource {
  milliCPU: number;
  memory: number;
}

/** A node's allocatable resources plus its pod capacity (AllowedPodNumber). */
export interface Allocatable extends Resource {
  pods: number;
}

/** schedutil.DefaultMilliCPURequest: what scoring assumes for a container without a CPU request. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** schedutil.DefaultMemoryRequest: 200 MiB, assumed in scoring for a container without one. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function zeroResource(): Resource {
  return { milliCPU: 0, memory: 0 };
}

function containerRequests(c: Container, nonMissing: boolean): Resource {
  const req: Readonly<Record<string, string | undefined>> = c.resources?.requests ?? {};
  // NonMissingContainerRequests: substitute defaults only when a request is absent, not when it
  // is explicitly zero (schedutil.GetNonzeroRequestForResource).
  const hasCpu = req.cpu !== undefined;
  const hasMem = req.memory !== undefined;
  return {
    milliCPU: hasCpu ? milliValue(req.cpu) : nonMissing ? DEFAULT_MILLI_CPU_REQUEST : 0,
    memory: hasMem ? intValue(req.memory) : nonMissing ? DEFAULT_MEMORY_REQUEST : 0,
  };
}

/**
 * Returns a pod's effective requests: the sum of its containers, raised to any init container's
 * need (sidecars, restartPolicy Always, count cumulatively), plus overhead. With nonMissing, absent
 * CPU/memory requests count as 100m / 200Mi, which scoring uses and filtering does not.
 */
export function podRequests(spec: PodSpec | undefined, nonMissing = false): Resource {
  const reqs = zeroResource();
  for (const c of spec?.containers ?? []) add(reqs, containerRequests(c, nonMissing));
  const sidecars = zeroResource();
  const initMax = zeroResource();
  for (const c of spec?.initContainers ?? []) {
    const r = containerRequests(c, nonMissing);
    let use: Resource;
    if (c.restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecars, r);
      use = { ...sidecars };
    } else {
      use = { milliCPU: r.milliCPU + sidecars.milliCPU, memory: r.memory + sidecars.memory };
    }
    initMax.milliCPU = Math.max(initMax.milliCPU, use.milliCPU);
    initMax.memory = Math.max(initMax.memory, use.memory);
  }
  reqs.milliCPU = Math.max(reqs.milliCPU, initMax.milliCPU);
  reqs.memory = Math.max(reqs.memory, initMax.memory);
  const overhead = spec?.overhead;
  if (overhead) {
    if (overhead.cpu !== undefined) reqs.milliCPU += milliValue(overhead.cpu);
    if (overhead.memory !== undefined) reqs.memory += intValue(overhead.memory);
  }
  return reqs;
}

/** Returns a node's status.allocatable as numbers (NodeInfo.Allocatable). */
export function nodeAllocatable(node: Node): Allocatable {
  const a = node.status?.allocatable ?? {};
  return { milliCPU: milliValue(a.cpu), memory: intValue(a.memory), pods: intValue(a.pods) };
}

function add(a: Resource, b: Resource): void {
  a.milliCPU += b.milliCPU;
  a.memory += b.memory;
}

import type { Node, Pod } from '../../api/types';
import { translateTimestampSince } from './helpers';
import { podRequestsAndLimits } from './podResources';
import { Quantity, ZERO } from './quantity';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer';

// The "Non-terminated Pods" and "Allocated resources" tables of describe node (describe.go
// describeNodeResource): each pod's requests and limits, and their totals, as a share of the
// node's allocatable (capacity when allocatable is empty).

// resourcehelper.IsStandardContainerResourceName, hugepages aside; the rest are extended resources.
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

// int64(float64(used) / float64(allocatable) * 100): truncated, 0 when nothing is allocatable.
function percent(used: number, allocatable: number): number {
  return allocatable === 0 ? 0 : Math.trunc((used / allocatable) * 100);
}

function cell(q: Quantity, alloc: Quantity | undefined, milli: boolean): string {
  const a = alloc ?? ZERO;
  const p = milli ? percent(q.milliValue(), a.milliValue()) : percent(q.value(), a.value());
  return `${q.toString()} (${p}%)`;
}

function allocatableOf(node: Node): Map<string, Quantity> {
  const status = node.status ?? {};
  const list =
    Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : status.capacity;
  const out = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = Quantity.parse(v);
    if (q) out.set(k, q);
  }
  return out;
}

/** Prints the node's non-terminated pods with their resources, then the allocated totals. */
export function describeNodeResource(
  w: PrefixWriter,
  node: Node,
  pods: readonly Pod[],
  now: number,
): void {
  const alloc = allocatableOf(node);
  const { reqs, limits } = podsTable(w, pods, alloc, now);
  allocatedTable(w, alloc, reqs, limits);
}

type Totals = Map<string, Quantity>;

function podsTable(w: PrefixWriter, pods: readonly Pod[], alloc: Totals, now: number) {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(
    LEVEL_1,
    'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n',
  );
  w.write(
    LEVEL_1,
    '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n',
  );
  const reqs: Totals = new Map();
  const limits: Totals = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    const cells = [
      cell(r.requests.get('cpu') ?? ZERO, alloc.get('cpu'), true),
      cell(r.limits.get('cpu') ?? ZERO, alloc.get('cpu'), true),
      cell(r.requests.get('memory') ?? ZERO, alloc.get('memory'), false),
      cell(r.limits.get('memory') ?? ZERO, alloc.get('memory'), false),
    ];
    const age = translateTimestampSince(pod.metadata?.creationTimestamp, now);
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cells.join('\t')}\t${age}\n`,
    );
    // getPodsTotalRequestsAndLimits: the first pod's quantity keeps its format.
    for (const [n, q] of r.requests) reqs.set(n, reqs.get(n)?.add(q) ?? q);
    for (const [n, q] of r.limits) limits.set(n, limits.get(n)?.add(q) ?? q);
  }
  return { reqs, limits };
}

function allocatedTable(w: PrefixWriter, alloc: Totals, reqs: Totals, limits: Totals): void {
  w.write(
    LEVEL_0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, milli: boolean) =>
    w.write(
      LEVEL_1,
      `${name}\t${cell(reqs.get(name) ?? ZERO, alloc.get(name), milli)}\t${cell(limits.get(name) ?? ZERO, alloc.get(name), milli)}\n`,
    );
  row('cpu', true);
  row('memory', false);
  row('ephemeral-storage', false);
  const names = [...alloc.keys()];
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort()) row(name, false);
  // Extended resources print their totals without a share.
  const extended = names.filter(
    (n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && n !== 'pods',
  );
  for (const name of extended.sort()) {
    w.write(
      LEVEL_1,
      `${name}\t${(reqs.get(name) ?? ZERO).toString()}\t${(limits.get(name) ?? ZERO).toString()}\n`,
    );
  }
}

import type { Event, Lease, Node, Pod } from '../../api/types';
import { NONE } from '../printers/format';
import { nodeRoles } from '../printers/node';
import { describeEvents } from './events';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  rfc1123z,
} from './helpers';
import { describeNodeResource } from './nodeResources';
import { Quantity } from './quantity';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

// kubectl describe node (describe.go describeNode and describeNodeLease, v1.31).

/** What describe node fetched besides the node: its non-terminated pods, its Lease in
 * kube-node-lease (undefined when the get failed) and its events (undefined: not shown). */
export interface NodeRelated {
  pods: readonly Pod[];
  lease: Lease | undefined;
  events: readonly Event[] | undefined;
}

/** Renders describe node. */
export function describeNode(node: Node, related: NodeRelated, now: number): string {
  return tabbedString((w) => {
    const meta = node.metadata ?? {};
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(',') || NONE}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    describeLease(w, meta.name ?? '', related.lease);
    conditions(w, node);
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    resourceList(w, 'Capacity', status.capacity);
    resourceList(w, 'Allocatable', status.allocatable);
    systemInfo(w, node);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs?.length)
      w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(w, node, related.pods, now);
    if (related.events) describeEvents(w, related.events, now);
  });
}

function describeLease(w: PrefixWriter, name: string, lease: Lease | undefined): void {
  if (!lease) {
    w.write(
      LEVEL_0,
      `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`,
    );
    return;
  }
  const spec = lease.spec ?? {};
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

function conditions(w: PrefixWriter, node: Node): void {
  const list = node.status?.conditions ?? [];
  if (list.length === 0) return;
  w.write(
    LEVEL_0,
    'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
  );
  w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of list) {
    w.write(
      LEVEL_1,
      `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
    );
  }
}

function resourceList(
  w: PrefixWriter,
  title: string,
  list: Record<string, string> | undefined,
): void {
  const names = Object.keys(list ?? {}).sort();
  if (names.length === 0) return;
  w.write(LEVEL_0, `${title}:\n`);
  for (const n of names) {
    const raw = (list as Record<string, string>)[n] as string;
    w.write(LEVEL_0, `  ${n}:\t${Quantity.parse(raw)?.toString() ?? raw}\n`);
  }
}

function systemInfo(w: PrefixWriter, node: Node): void {
  const i = node.status?.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${i?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${i?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${i?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${i?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${i?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${i?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${i?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${i?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${i?.kubeletVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${i?.kubeProxyVersion ?? ''}\n`);
}

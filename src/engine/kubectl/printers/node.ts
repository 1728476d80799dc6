import type { KubeObject } from '../../api/object';
import type { Node } from '../../api/types';
import { AGE, NAME, age, col, wide, type TableDef } from './columns';
import { NONE } from './format';

// The nodes table, as printNode in pkg/printers/internalversion/printers.go.

/** Label prefix whose suffix names a node role: node-role.kubernetes.io/control-plane. */
const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
/** Legacy role label whose value names the role. */
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** Returns a node's roles, sorted and de-duplicated, as findNodeRoles does. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** Returns the STATUS cell: Ready or NotReady (any non-True status), Unknown without a Ready
 * condition, then ",SchedulingDisabled" when cordoned. */
function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? NONE;
}

/** The nodes table: NAME STATUS ROLES AGE VERSION (INTERNAL-IP EXTERNAL-IP OS-IMAGE
 * KERNEL-VERSION CONTAINER-RUNTIME). */
export const nodeTable: TableDef = {
  columns: [
    NAME,
    col('Status'),
    col('Roles'),
    AGE,
    col('Version'),
    wide('Internal-IP'),
    wide('External-IP'),
    wide('OS-Image'),
    wide('Kernel-Version'),
    wide('Container-Runtime'),
  ],
  row(obj: KubeObject, now: number): string[] {
    const node = obj as Node;
    const info = node.status?.nodeInfo;
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node).join(',') || NONE,
      age(node, now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

import type { Node } from '../../api/types';
import type { FieldError } from '../errors';
import { child, duplicate, forbidden, index, invalid } from './field';
import { parseExactQuantity, canonicalQuantity } from './quantity';
import { validateTaints } from './tolerations';

// Nodes (core validation: ValidateNode, ValidateNodeUpdate, ValidateNodeResources).

const CIDR_CHANGE = 'node updates may not change podCIDR except from "" to valid';

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['capacity', 'allocatable'] as const) {
    for (const [name, q] of Object.entries(node.status?.[list] ?? {})) {
      const nano = parseExactQuantity(q)?.nano ?? 0n;
      const path = child('status', list, name);
      const shown = canonicalQuantity(q) ?? String(q);
      if (nano < 0n) errs.push(invalid(path, shown, 'must be greater than or equal to 0'));
      if (name === 'pods' && nano % 1_000_000_000n !== 0n)
        errs.push(invalid(path, shown, 'must be an integer'));
    }
  }
  return errs;
}

/** Validates a node (taints are reported under "metadata.taints", as upstream does). */
export function validateNode(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  if (node.spec?.taints?.length) errs.push(...validateTaints(node.spec.taints, 'metadata.taints'));
  errs.push(...validateNodeResources(node));
  const cidrs = node.spec?.podCIDRs ?? [];
  const seen = new Set<string>();
  cidrs.forEach((c, i) => {
    if (seen.has(c)) errs.push(duplicate(index('spec.podCIDRs', i), c));
    seen.add(c);
  });
  return errs;
}

/** Validates a node update: podCIDR and providerID are set once; addresses are unique. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNodeResources(node));
  const seen = new Set<string>();
  (node.status?.addresses ?? []).forEach((a, i) => {
    const id = `${a.type}\u0000${a.address}`;
    if (seen.has(id)) errs.push(duplicate(index('status.addresses', i), a));
    seen.add(id);
  });
  const oldCidrs = old.spec?.podCIDRs ?? [];
  const newCidrs = node.spec?.podCIDRs ?? [];
  if (oldCidrs.length > 0) {
    if (oldCidrs.length !== newCidrs.length) errs.push(forbidden('spec.podCIDRs', CIDR_CHANGE));
    else
      oldCidrs.forEach(
        (c, i) => c !== newCidrs[i] && errs.push(forbidden('spec.podCIDRs', CIDR_CHANGE)),
      );
  }
  const oldProvider = old.spec?.providerID;
  if (oldProvider && oldProvider !== node.spec?.providerID)
    errs.push(
      forbidden(
        'spec.providerID',
        'node updates may not change providerID except from "" to valid',
      ),
    );
  if (node.spec?.taints?.length) errs.push(...validateTaints(node.spec.taints, 'metadata.taints'));
  return errs;
}

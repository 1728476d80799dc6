import { allResources } from '../../api/resources';
import { deploymentStrategy } from './deployments/strategy';
import { eventStrategy } from './events/strategy';
import type { RegistryStrategy } from './generic';
import { genericStrategy } from './generic';
import { leaseStrategy } from './leases/strategy';
import { namespaceStrategy } from './namespaces/strategy';
import { nodeStrategy } from './nodes/strategy';
import { podStrategy } from './pods/strategy';
import { priorityClassStrategy } from './priorityclasses/strategy';
import { replicaSetStrategy } from './replicasets/strategy';

// resource → strategy, one table (like pkg/registry's storage providers).
const table: Readonly<Record<string, RegistryStrategy>> = {
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  pods: podStrategy,
  events: eventStrategy,
  replicasets: replicaSetStrategy,
  deployments: deploymentStrategy,
  leases: leaseStrategy,
  priorityclasses: priorityClassStrategy,
};

const strategies = new Map<string, RegistryStrategy>(
  allResources().map((r) => [
    r.resource,
    table[r.resource] ?? genericStrategy({}, { hasStatus: r.hasStatus, namespaced: r.namespaced }),
  ]),
);

/** Returns the strategy for a resource's REST name. */
export function strategyFor(resource: string): RegistryStrategy {
  const s = strategies.get(resource);
  if (!s) throw new Error(`no strategy registered for ${resource}`);
  return s;
}

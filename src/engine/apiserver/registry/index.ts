import { allResources } from '../../api/resources';
import type { Strategy } from '../strategy';
import { genericStrategy } from './generic';

const strategies = new Map<string, Strategy>(
  allResources().map((r) => [r.resource, genericStrategy({}, { hasStatus: r.hasStatus })]),
);

/** Returns the strategy for a resource's REST name. */
export function strategyFor(resource: string): Strategy {
  const s = strategies.get(resource);
  if (!s) throw new Error(`no strategy registered for ${resource}`);
  return s;
}

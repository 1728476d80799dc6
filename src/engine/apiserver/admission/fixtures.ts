import type { KubeObject } from '../../api/object';
import type { Pod, PriorityClass } from '../../api/types';
import { Rng } from '../../rng/rng';
import { StatusError } from '../errors';
import type { StrategyContext } from '../strategy';
import type { AdmissionAttributes, AdmissionPlugin } from './types';

// Shared by the plugins' table tests: a request against two namespaces, one of them terminating.

const namespaces: Record<string, KubeObject> = {
  default: { metadata: { name: 'default' }, status: { phase: 'Active' } },
  leaving: { metadata: { name: 'leaving' }, status: { phase: 'Terminating' } },
};

/**
 * Returns a strategy context that knows "default", the terminating "leaving", and the given
 * PriorityClasses.
 */
export function fixtureContext(seed = 1, priorityClasses: PriorityClass[] = []): StrategyContext {
  const stored: Record<string, KubeObject[]> = {
    namespaces: Object.values(namespaces),
    priorityclasses: priorityClasses,
  };
  const list = (resource: string): KubeObject[] => stored[resource] ?? [];
  return {
    rng: new Rng(seed),
    now: 0,
    lookup: (resource, _ns, name) => list(resource).find((o) => o.metadata?.name === name),
    list,
  };
}

/** Returns the attributes of a pod create in "default", with overrides. */
export function fixtureAttributes(
  obj: KubeObject,
  extra: Partial<AdmissionAttributes> = {},
): AdmissionAttributes {
  return {
    operation: 'CREATE',
    resource: 'pods',
    qualifiedResource: 'pods',
    namespace: 'default',
    name: obj.metadata?.name ?? '',
    obj,
    old: undefined,
    ctx: fixtureContext(),
    ...extra,
  };
}

/** Returns a pod "web" in "default" with one nginx container and extra spec fields. */
export function fixturePod(spec: Partial<Pod['spec']> = {}): Pod {
  return {
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
  } as Pod;
}

/** Runs a plugin and returns its rejection's code and message, or undefined when it admits. */
export function rejection(
  plugin: AdmissionPlugin,
  a: AdmissionAttributes,
): { code: number; message: string } | undefined {
  try {
    plugin.admit(a);
    return undefined;
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    return { code: e.code, message: e.message };
  }
}

import type { KubeObject } from '../../api/object';
import type { Pod } from '../../api/types';
import { Rng } from '../../rng/rng';
import { StatusError } from '../errors';
import type { StrategyContext } from '../strategy';
import type { AdmissionAttributes, AdmissionPlugin } from './types';

// Shared by the plugins' table tests: a request against two namespaces, one of them terminating.

const namespaces: Record<string, KubeObject> = {
  default: { metadata: { name: 'default' }, status: { phase: 'Active' } },
  leaving: { metadata: { name: 'leaving' }, status: { phase: 'Terminating' } },
};

/** Returns a strategy context whose lookup knows "default" and the terminating "leaving". */
export function fixtureContext(seed = 1): StrategyContext {
  return { rng: new Rng(seed), now: 0, lookup: (_r, _ns, name) => namespaces[name] };
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

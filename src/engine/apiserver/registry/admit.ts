import type { KubeObject } from '../../api/object';
import type { AdmissionPlugin } from '../admission/types';
import { runAdmission } from '../admission/types';
import type { StrategyContext } from '../strategy';

/** Returns a strategy's admit hook running a plugin chain for one resource. */
export function admitWith(
  plugins: readonly AdmissionPlugin[],
  resource: string,
  qualifiedResource: string,
): (obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext) => void {
  return (obj, old, ctx) =>
    runAdmission(plugins, {
      operation: old ? 'UPDATE' : 'CREATE',
      resource,
      qualifiedResource,
      namespace: obj.metadata?.namespace,
      name: obj.metadata?.name ?? '',
      obj,
      old,
      ctx,
    });
}

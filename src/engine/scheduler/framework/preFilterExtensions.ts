import type { CycleState } from './cycleState';
import type { PreFilterPlugin } from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import { SUCCESS, Status } from './status';

// RunPreFilterExtensionAddPod / RunPreFilterExtensionRemovePod (v1.31): every PreFilter plugin
// with extensions hears of a pod added to or removed from a what-if node, except plugins whose
// PreFilter returned Skip (they wrote no state). The first failure ends the run as an Error.

/** Which extension to run, as upstream's messages name it. */
export type PreFilterExtensionOp = 'AddPod' | 'RemovePod';

/** Runs AddPod or RemovePod of each PreFilter plugin's extensions, in profile order. */
export function runPreFilterExtensions(
  plugins: readonly PreFilterPlugin[],
  op: PreFilterExtensionOp,
  state: CycleState,
  podToSchedule: PodInfo,
  pod: PodInfo,
  node: NodeInfo,
): Status {
  for (const pl of plugins) {
    const ext = pl.preFilterExtensions;
    if (!ext || state.skipFilterPlugins.has(pl.name)) continue;
    const s =
      op === 'AddPod'
        ? ext.addPod(state, podToSchedule, pod, node)
        : ext.removePod(state, podToSchedule, pod, node);
    if (!s.isSuccess())
      return new Status('Error', [
        `running ${op} on PreFilter plugin "${pl.name}": ${s.message()}`,
      ]);
  }
  return SUCCESS;
}

import type { Pod, Toleration } from '../../api/types';
import type { AdmissionPlugin } from './types';

// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): every pod tolerates
// the not-ready and unreachable NoExecute taints for 300 s, unless it already tolerates them.
// That is why a pod on a lost node is evicted five minutes after the taint appears.

/** The plugin's name. */
export const DEFAULT_TOLERATION_SECONDS = 'DefaultTolerationSeconds';
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS_VALUE = 300;
/** The taint the node lifecycle controller puts on a node whose kubelet reports NotReady. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
/** The taint the node lifecycle controller puts on a node that stopped reporting. */
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

// A toleration covers the taint if it names its key or no key, and NoExecute or no effect.
function tolerates(tolerations: readonly Toleration[], taintKey: string): boolean {
  return tolerations.some(
    (t) => (t.key === taintKey || !t.key) && (t.effect === 'NoExecute' || !t.effect),
  );
}

/** DefaultTolerationSeconds admission for pods, on create and update. */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: DEFAULT_TOLERATION_SECONDS,
  admit(a) {
    if (a.resource !== 'pods') return;
    const spec = ((a.obj as Pod).spec ??= { containers: [] });
    for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
      if (tolerates(spec.tolerations ?? [], key)) continue;
      (spec.tolerations ??= []).push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS_VALUE,
      });
    }
  },
};

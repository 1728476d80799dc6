import type { Node } from '../../api/types';
import { TAINT_NODE_NOT_READY } from './defaultTolerationSeconds';
import type { AdmissionPlugin } from './types';

// TaintNodesByCondition (plugin/pkg/admission/nodetaint): a node is created tainted
// node.kubernetes.io/not-ready:NoSchedule, so nothing is scheduled onto it before it reports
// Ready; the node lifecycle controller removes the taint once the node is Ready.

/** The plugin's name. */
export const TAINT_NODES_BY_CONDITION = 'TaintNodesByCondition';

/** TaintNodesByCondition admission for node creates. */
export const taintNodesByCondition: AdmissionPlugin = {
  name: TAINT_NODES_BY_CONDITION,
  admit(a) {
    if (a.resource !== 'nodes' || a.operation !== 'CREATE') return;
    const spec = ((a.obj as Node).spec ??= {});
    const taints = (spec.taints ??= []);
    // Taint.MatchTaint: the same key and effect.
    if (!taints.some((t) => t.key === TAINT_NODE_NOT_READY && t.effect === 'NoSchedule'))
      taints.push({ key: TAINT_NODE_NOT_READY, effect: 'NoSchedule' });
  },
};

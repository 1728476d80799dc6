import type { Taint, Toleration } from '../../../api/types';

// Toleration matching as k8s.io/api/core/v1 (Toleration.ToleratesTaint) and
// component-helpers/scheduling/corev1 (FindMatchingUntoleratedTaint).

/** Reports whether one toleration tolerates a taint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    // An empty operator means Equal.
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

// Filter runs these on every node of every cycle, and most nodes have no taints: plain index
// loops that allocate nothing (no `?? []`, no closures).

/** Reports whether any toleration tolerates the taint. */
export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[] | undefined,
  taint: Taint,
): boolean {
  if (!tolerations) return false;
  for (let i = 0; i < tolerations.length; i++)
    if (toleratesTaint(tolerations[i] as Toleration, taint)) return true;
  return false;
}

/** Returns the first taint passing inFilter that no toleration tolerates. */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  inFilter: (t: Taint) => boolean,
): Taint | undefined {
  if (!taints) return undefined;
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i] as Taint;
    if (inFilter(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}

/** helper.DoNotScheduleTaintsFilterFunc: the effects Filter enforces. */
export function doNotScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' || t.effect === 'NoExecute';
}

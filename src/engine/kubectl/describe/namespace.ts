import type { Namespace } from '../../api/types';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './helpers';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';

// kubectl describe namespace (describe.go describeNamespace). Wheelhouse serves no ResourceQuota
// or LimitRange, so both lists read empty, as on a cluster that has none.

/** Printed when a namespace has no ResourceQuota (DescribeResourceQuotas). */
export const NO_RESOURCE_QUOTA = 'No resource quota.';
/** Printed when a namespace has no LimitRange (DescribeLimitRanges). */
export const NO_LIMIT_RANGE = 'No LimitRange resource.';

/** Renders describe namespace. */
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, `\n${NO_RESOURCE_QUOTA}\n`);
    w.write(LEVEL_0, `\n${NO_LIMIT_RANGE}\n`);
  });
}

import type { Namespace } from '../../api/types';

// The namespace status conditions the deleter maintains
// (pkg/controller/namespace/deletion/status_condition_utils.go).
//   [NS3] every pass writes all five types: "True" with a failure reason, else "False" with the
//         OK reason and message; lastTransitionTime moves only when the status flips.

/** A namespace status condition. */
export type NamespaceCondition = NonNullable<
  NonNullable<Namespace['status']>['conditions']
>[number];

/** Condition types, as core/v1 spells them. */
export const NAMESPACE_DELETION_DISCOVERY_FAILURE = 'NamespaceDeletionDiscoveryFailure';
export const NAMESPACE_DELETION_GV_PARSING_FAILURE = 'NamespaceDeletionGroupVersionParsingFailure';
export const NAMESPACE_DELETION_CONTENT_FAILURE = 'NamespaceDeletionContentFailure';
export const NAMESPACE_CONTENT_REMAINING = 'NamespaceContentRemaining';
export const NAMESPACE_FINALIZERS_REMAINING = 'NamespaceFinalizersRemaining';

/** The types the deleter maintains, in the order they are first added. */
export const CONDITION_TYPES = [
  NAMESPACE_DELETION_DISCOVERY_FAILURE,
  NAMESPACE_DELETION_GV_PARSING_FAILURE,
  NAMESPACE_DELETION_CONTENT_FAILURE,
  NAMESPACE_CONTENT_REMAINING,
  NAMESPACE_FINALIZERS_REMAINING,
] as const;

/** Reasons and messages of the "nothing wrong" (status False) variants. */
export const OK_REASONS: Readonly<Record<string, string>> = {
  [NAMESPACE_DELETION_DISCOVERY_FAILURE]: 'ResourcesDiscovered',
  [NAMESPACE_DELETION_GV_PARSING_FAILURE]: 'ParsedGroupVersions',
  [NAMESPACE_DELETION_CONTENT_FAILURE]: 'ContentDeleted',
  [NAMESPACE_CONTENT_REMAINING]: 'ContentRemoved',
  [NAMESPACE_FINALIZERS_REMAINING]: 'ContentHasNoFinalizers',
};
export const OK_MESSAGES: Readonly<Record<string, string>> = {
  [NAMESPACE_DELETION_DISCOVERY_FAILURE]: 'All resources successfully discovered',
  [NAMESPACE_DELETION_GV_PARSING_FAILURE]: 'All legacy kube types successfully parsed',
  [NAMESPACE_DELETION_CONTENT_FAILURE]:
    'All content successfully deleted, may be waiting on finalization',
  [NAMESPACE_CONTENT_REMAINING]: 'All content successfully removed',
  [NAMESPACE_FINALIZERS_REMAINING]: 'All content-preserving finalizers finished',
};

/** Reasons of the failure (status True) variants. */
export const SOME_RESOURCES_REMAIN = 'SomeResourcesRemain';
export const SOME_FINALIZERS_REMAIN = 'SomeFinalizersRemain';
export const CONTENT_DELETION_FAILED = 'ContentDeletionFailed';

/** What is left in a namespace after one pass, by resource and by finalizer. */
export interface ContentTotals {
  /** "<resource>.<group>" (so "pods." for the core group) → objects remaining. */
  byResource: ReadonlyMap<string, number>;
  byFinalizer: ReadonlyMap<string, number>;
}

/** Collects one pass's findings and folds them into a namespace's status. */
export class NamespaceConditionUpdater {
  private readonly newConditions: NamespaceCondition[] = [];
  private readonly deleteContentErrors: string[] = [];

  /** now is the RFC3339 time stamped on conditions that change status. */
  constructor(private readonly now: string) {}

  /** Records what remains (ProcessContentTotals). */
  processContentTotals(totals: ContentTotals): void {
    const resources = describeCounts(
      totals.byResource,
      (r, n) => `${r} has ${n} resource instances`,
    );
    if (resources.length > 0)
      this.add(
        NAMESPACE_CONTENT_REMAINING,
        SOME_RESOURCES_REMAIN,
        `Some resources are remaining: ${resources.join(', ')}`,
      );
    const finalizers = describeCounts(
      totals.byFinalizer,
      (f, n) => `${f} in ${n} resource instances`,
    );
    if (finalizers.length > 0)
      this.add(
        NAMESPACE_FINALIZERS_REMAINING,
        SOME_FINALIZERS_REMAIN,
        `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
      );
  }

  /** Records one resource type whose content could not be deleted. */
  processDeleteContentErr(message: string): void {
    this.deleteContentErrors.push(message);
  }

  /** Writes the conditions into status; returns whether anything changed. [NS3] */
  update(status: NonNullable<Namespace['status']>): boolean {
    if (this.deleteContentErrors.length > 0) {
      const msgs = [...this.deleteContentErrors].sort();
      this.add(
        NAMESPACE_DELETION_CONTENT_FAILURE,
        CONTENT_DELETION_FAILED,
        `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`,
      );
    }
    let changed = false;
    const conditions = (status.conditions ??= []);
    for (const type of CONDITION_TYPES) {
      const next = this.newConditions.find((c) => c.type === type) ?? this.ok(type);
      const old = conditions.find((c) => c.type === type);
      if (!old) {
        conditions.push(next);
        changed = true;
      } else if (
        old.status !== next.status ||
        old.reason !== next.reason ||
        old.message !== next.message
      ) {
        if (old.status !== next.status) old.lastTransitionTime = this.now;
        old.status = next.status;
        old.reason = next.reason;
        old.message = next.message;
        changed = true;
      }
    }
    return changed;
  }

  private add(type: string, reason: string, message: string): void {
    this.newConditions.push({
      type,
      status: 'True',
      lastTransitionTime: this.now,
      reason,
      message,
    });
  }

  private ok(type: string): NamespaceCondition {
    return {
      type,
      status: 'False',
      lastTransitionTime: this.now,
      reason: OK_REASONS[type],
      message: OK_MESSAGES[type],
    };
  }
}

// Sorted, "for stable updates", skipping zero counts.
function describeCounts(
  counts: ReadonlyMap<string, number>,
  format: (key: string, n: number) => string,
): string[] {
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([k, n]) => format(k, n))
    .sort();
}

// The outcome of one plugin call, as pkg/scheduler/framework/interface.go's Status: a code, the
// reasons users read in FailedScheduling, and the plugin that produced it.

/** A plugin outcome code (framework.Code). */
export type Code =
  | 'Success'
  | 'Error'
  /** Rejected, but preemption might help. */
  | 'Unschedulable'
  /** Rejected, and preemption would not help (taints, affinity, cordon). */
  | 'UnschedulableAndUnresolvable'
  | 'Wait'
  /** The plugin has nothing to do for this pod; its later extension points are skipped. */
  | 'Skip'
  | 'Pending';

/** An immutable plugin outcome. */
export class Status {
  constructor(
    readonly code: Code,
    readonly reasons: readonly string[] = [],
    readonly plugin?: string,
  ) {}

  /** Returns whether the call succeeded. */
  isSuccess(): boolean {
    return this.code === 'Success';
  }

  /** Returns whether the pod was rejected (Unschedulable, UnschedulableAndUnresolvable, Pending). */
  isRejected(): boolean {
    return (
      this.code === 'Unschedulable' ||
      this.code === 'UnschedulableAndUnresolvable' ||
      this.code === 'Pending'
    );
  }

  /** Returns whether the plugin asked to be skipped. */
  isSkip(): boolean {
    return this.code === 'Skip';
  }

  /** Returns the reasons joined by ", ", as Status.Message() does. */
  message(): string {
    return this.reasons.join(', ');
  }

  /** Returns a copy attributed to a plugin. */
  withPlugin(plugin: string): Status {
    return new Status(this.code, this.reasons, plugin);
  }
}

/** The shared success status (a nil *Status upstream). */
export const SUCCESS = new Status('Success');

/** The shared skip status. */
export const SKIP = new Status('Skip');

/** Builds a status with reasons. */
export function status(code: Code, ...reasons: string[]): Status {
  return new Status(code, reasons);
}

/** Builds an Error status from an exception, as framework.AsStatus does. */
export function asStatus(error: unknown): Status {
  return new Status('Error', [error instanceof Error ? error.message : String(error)]);
}

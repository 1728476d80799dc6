// What one benchmark run reports, and how heap is read.

/** The figures of one workload, as printed and as `--json` lines. */
export interface Measurement {
  workload: string;
  nodes: number;
  pods: number;
  /** Wall seconds from `kubectl apply` until every pod is Running. */
  seconds_to_running: number;
  /** Pods bound per wall second, from the apply until the last binding. */
  pods_per_second: number;
  /** Virtual seconds the cluster took (what a student's clock would show). */
  virtual_seconds: number;
  /** Trace messages (hops) sent from the apply on, counted in the trace's count mode. */
  hops: number;
  peak_heap_bytes: number;
  /**
   * Heap retained when all pods are Running, per pod, beyond the booted empty cluster. It
   * includes etcd's history (every version of every object until the apiserver's 5-minute
   * compaction), which the store keeps in memory.
   */
  heap_bytes_per_pod: number;
}

/** The bare loop's figures for the same workload. */
export interface BareMeasurement {
  bare_seconds: number;
  bare_pods_per_second: number;
}

/** Returns the V8 heap in use, after a full collection when asked (needs --expose-gc). */
export function heapUsed(collect: boolean): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  return process.memoryUsage().heapUsed;
}

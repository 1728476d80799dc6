import type { Code } from '../framework/status';
import type { Status } from '../framework/status';
import type { PodInfo } from '../framework/podInfo';
import { podName } from '../framework/podInfo';

// The last scheduling attempt of each pod, for the scheduler view: every plugin's verdict on
// every node it examined, every score (raw, normalized, weighted), and the outcome. Plugins never
// write here themselves; wrappedPlugin.ts records around them. Memory is bounded: only the most
// recent `limit` pods are kept (0 keeps none).

/** One plugin's verdict. */
export interface FilterResult {
  code: Code;
  reasons: readonly string[];
}

/** One plugin's score for one node. */
export interface ScoreResult {
  raw: number;
  normalized: number;
  weighted: number;
}

/** A pod's last scheduling attempt. */
export interface PodSchedulingResult {
  /** "namespace/name". */
  pod: string;
  uid: string;
  attempt: number;
  /** Virtual ms when the cycle ran. */
  at: number;
  preFilter: Record<string, FilterResult>;
  /** node → plugin → verdict; a plugin absent for a node did not run there (an earlier one rejected). */
  filter: Record<string, Record<string, FilterResult>>;
  postFilter: Record<string, FilterResult>;
  preScore: Record<string, FilterResult>;
  /** node → plugin → score. */
  score: Record<string, Record<string, ScoreResult>>;
  /** node → Σ weighted scores. */
  totals: Record<string, number>;
  selectedNode?: string;
  evaluatedNodes: number;
  feasibleNodes: number;
  outcome?: 'Scheduled' | 'Unschedulable' | 'Error';
  /** The FailedScheduling message, or the Scheduled one. */
  message?: string;
}

/** Converts a status to its recorded form. */
export function filterResult(s: Status): FilterResult {
  return { code: s.code, reasons: s.reasons };
}

/** Keeps the last attempt of the most recent pods. */
export class ResultStore {
  private readonly byKey = new Map<string, PodSchedulingResult>();
  private readonly keyByName = new Map<string, string>();
  private paused = false;

  constructor(readonly limit: number) {}

  /** Starts a fresh record for a pod's attempt, evicting the oldest beyond the limit. */
  begin(pod: PodInfo, attempt: number, now: number): void {
    if (this.limit <= 0) return;
    const name = podName(pod.pod);
    this.byKey.delete(pod.key);
    this.byKey.set(pod.key, {
      pod: name,
      uid: pod.pod.metadata?.uid ?? '',
      attempt,
      at: now,
      preFilter: {},
      filter: {},
      postFilter: {},
      preScore: {},
      score: {},
      totals: {},
      evaluatedNodes: 0,
      feasibleNodes: 0,
    });
    this.keyByName.set(name, pod.key);
    while (this.byKey.size > this.limit) {
      const [oldest, rec] = this.byKey.entries().next().value as [string, PodSchedulingResult];
      this.byKey.delete(oldest);
      if (this.keyByName.get(rec.pod) === oldest) this.keyByName.delete(rec.pod);
    }
  }

  /** Returns the record being written for a pod, unless recording is paused or disabled. */
  current(key: string): PodSchedulingResult | undefined {
    return this.paused ? undefined : this.byKey.get(key);
  }

  /** Pauses recording, so preemption's what-if filter runs do not overwrite real verdicts. */
  setPaused(paused: boolean): void {
    this.paused = paused;
  }

  /** Completes a pod's record with the cycle's outcome. */
  finish(key: string, outcome: Partial<PodSchedulingResult>): void {
    const rec = this.byKey.get(key);
    if (rec) Object.assign(rec, outcome);
  }

  /** Returns a pod's last attempt by "namespace/name". */
  get(pod: string): PodSchedulingResult | undefined {
    const key = this.keyByName.get(pod);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** Returns every kept record, oldest first. */
  all(): PodSchedulingResult[] {
    return [...this.byKey.values()];
  }

  /** Forgets everything. */
  clear(): void {
    this.byKey.clear();
    this.keyByName.clear();
  }
}

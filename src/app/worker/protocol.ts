import type { NodeSpec } from '../../engine/cluster';
import type { ComponentSnapshot } from '../../engine/component';
import type { Check, CheckResult } from '../../lessons/checks/check';
import type { ScoringStrategyType } from '../../engine/scheduler/plugins/noderesources/fit';
import type { PodSchedulingResult } from '../../engine/scheduler';
import type { TraceMessage } from '../../engine/trace/message';

// What the page and the engine's Web Worker say to each other. The worker owns the engine; the
// page owns playback. Everything crossing is plain data (structured-clone safe).

/** The cluster a session starts from; with the ops it replays exactly. */
export interface SessionConfig {
  seed: number;
  /** How many nodes; equals nodeSpecs.length when nodeSpecs is given. */
  nodes: number;
  /** The nodes one by one (capacity, labels, taints); absent means `nodes` default nodes. */
  nodeSpecs?: NodeSpec[];
  /** NodeResourcesFit's scoring strategy; absent means upstream's LeastAllocated. */
  scoringStrategy?: ScoringStrategyType;
}

/** One thing done to the engine, logged so the session can be replayed and forked. */
export type Op =
  /** Run every task due until virtual time t, then set the clock to t. */
  | { op: 'until'; t: number }
  | { op: 'kubectl'; line: string; stdin?: string }
  | { op: 'sim'; line: string };

/** A logged op and where the engine stood after it (for choosing a fork point). */
export interface LoggedOp {
  op: Op;
  endTime: number;
  endHops: number;
}

/** One hop as the page sees it: the trace message without its in-memory body. */
export type Hop = Omit<TraceMessage, 'body'>;

/** One write to the store: the object's new version (or its deletion) and the hop that caused it. */
export interface ObjectVersion {
  /** Id of the hop whose delivery made the write (0 for writes at boot with no hop). */
  hop: number;
  rev: number;
  type: 'PUT' | 'DELETE';
  key: string;
  object: Record<string, unknown>;
}

/** A component's internals (machine state, work queue, caches) as they were after a hop it sent. */
export interface ComponentState {
  hop: number;
  component: string;
  snapshot: ComponentSnapshot;
}

/** One etcd revision: which key it wrote or deleted, and the hop that made it. */
export interface EtcdRevision {
  rev: number;
  type: 'PUT' | 'DELETE';
  key: string;
  hop: number;
}

/** The scheduler's record of one pod's scheduling cycle, stamped with the hop that followed it. */
export interface SchedulingRecord {
  hop: number;
  result: PodSchedulingResult;
}

/** What happened in the engine since the page last heard: new hops and writes, and the clock. */
export interface Delta {
  hops: Hop[];
  /** Writes of every resource but Events and Leases, which stay in the worker. */
  versions: ObjectVersion[];
  now: number;
}

/** What a kubectl or sim command printed, and the engine's changes it caused. */
export interface CommandResult {
  output: string;
  exitCode: number;
  delta: Delta;
}

/** A session's beginning: everything so far, where boot ended, and the components by name. */
export interface Started {
  delta: Delta;
  bootHops: number;
  components: string[];
}

/** The calls the page can make; each answers with the named result. */
export interface EngineApi {
  /** Starts a fresh session (or replays a saved one) and returns everything up to its end. */
  start(config: SessionConfig, ops: Op[]): Started;
  kubectl(line: string, stdin?: string): CommandResult;
  sim(line: string): CommandResult;
  /** Runs the engine until at least minHops more hops exist or maxMs of virtual time passed. */
  extend(minHops: number, maxMs: number): Delta;
  /** Advances virtual time by ms. */
  advance(ms: number): Delta;
  /** Rewinds the engine to just after hop id and discards the future; returns the kept hop count and store revision. */
  fork(hop: number): { hops: number; rev: number; now: number };
  /** Returns the message a hop carried (request body, response object, watch object). */
  body(hop: number): unknown;
  /** Returns the session's log, to save or share. */
  log(): { config: SessionConfig; ops: Op[] };
  /** Returns a component's internals as of `done` arrived hops. */
  componentAt(name: string, done: number): ComponentState | undefined;
  /** Returns a pod's ("namespace/name") last scheduling cycle as of `done` arrived hops. */
  schedulingAt(pod: string, done: number): SchedulingRecord | undefined;
  /** Returns the Events about one object as of `done` arrived hops. */
  eventsFor(
    kind: string,
    namespace: string | undefined,
    name: string,
    done: number,
  ): Record<string, unknown>[];
  /** Returns etcd's last `limit` revisions and its key count per resource as of `done` hops. */
  etcdAt(done: number, limit: number): { revisions: EtcdRevision[]; keys: Record<string, number> };
  /** Runs a read-only kubectl line (describe, get) against the store as of `done` hops; no hop is sent. */
  kubectlAt(line: string, done: number): string;
  /** Runs virtual time until only heartbeats are left (a lesson's cluster ready for the student). */
  settle(): Delta;
  /** Starts judging a lesson step: its goals count hops and writes from now on. */
  beginStep(): void;
  /** Judges a step's goals and its predict choices against the cluster now and since the step began. */
  checkStep(goals: Check[], choices: Check[]): { goals: CheckResult[]; choices: CheckResult[] };
  /** Returns names for tab completion: resource kinds and the names of objects of each. */
  names(): Record<string, string[]>;
}

/** A call from the page. */
export interface CallMessage {
  id: number;
  method: keyof EngineApi;
  args: unknown[];
}

/** The worker's answer to a call. */
export type ReplyMessage = { id: number; result: unknown } | { id: number; error: string };

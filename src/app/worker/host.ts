import { allResources, storagePrefix } from '../../engine/api/resources';
import { ErrCompacted } from '../../engine/store/mvcc';
import type { Check, CheckResult } from '../../lessons/checks/check';
import { evaluate, evaluateAll } from '../../lessons/checks/evaluate';
import { StepWindow } from '../../lessons/checks/window';
import { settle } from '../../lessons/run';
import { InspectionHistory } from './history';
import { kubectlAt } from './snapshotKubectl';
import { Observer } from './observer';
import type {
  CommandResult,
  ComponentState,
  Delta,
  EngineApi,
  EtcdRevision,
  Op,
  SchedulingRecord,
  SessionConfig,
  Started,
} from './protocol';
import { Session, opsUntil } from './session';

/** Answers the page's calls with one session at a time; the worker's whole job. */
export class EngineHost implements EngineApi {
  private session: Session | undefined;
  private observer: Observer | undefined;
  private history = new InspectionHistory();
  /** The lesson step being judged, if any; a new session or a fork ends it. */
  private step: StepWindow | undefined;

  start(config: SessionConfig, ops: Op[]): Started {
    this.observer?.close();
    this.endStep();
    const session = new Session(config);
    this.session = session;
    this.history = new InspectionHistory();
    this.observer = new Observer(session.engine, this.history);
    for (const op of ops) session.run(op);
    const components = session.engine.allComponents().map((c) => c.name);
    return { delta: this.observer.drain(), bootHops: session.bootHops, components };
  }

  kubectl(line: string, stdin?: string): CommandResult {
    const printed = this.current().run({ op: 'kubectl', line, ...(stdin ? { stdin } : {}) });
    return { ...printed, delta: this.drain() };
  }

  sim(line: string): CommandResult {
    return { ...this.current().run({ op: 'sim', line }), delta: this.drain() };
  }

  extend(minHops: number, maxMs: number): Delta {
    this.current().extend(minHops, maxMs);
    return this.drain();
  }

  advance(ms: number): Delta {
    const session = this.current();
    session.run({ op: 'until', t: session.engine.loop.now() + ms });
    return this.drain();
  }

  fork(hop: number): { hops: number; rev: number; now: number } {
    const old = this.current();
    const arrive = old.engine.trace.get(hop)?.arrive ?? old.engine.loop.now();
    this.observer?.close();
    this.endStep();
    // The page already holds everything up to the fork point, so what the replay streams is
    // dropped; the inspection history keeps its past and takes the replay's own.
    const session = new Session(old.config);
    this.session = session;
    this.history.truncate(session.bootHops);
    this.observer = new Observer(session.engine, this.history, session.engine.store.revision() + 1);
    for (const op of opsUntil(old.log(), old.bootHops, hop, arrive)) session.run(op);
    this.observer.drain();
    const { engine } = session;
    return { hops: engine.trace.size(), rev: engine.store.revision(), now: engine.loop.now() };
  }

  body(hop: number): unknown {
    return this.current().engine.trace.get(hop)?.body;
  }

  componentAt(name: string, done: number): ComponentState | undefined {
    return this.history.componentAt(name, done);
  }

  schedulingAt(pod: string, done: number): SchedulingRecord | undefined {
    return this.history.schedulingAt(pod, done);
  }

  eventsFor(
    kind: string,
    namespace: string | undefined,
    name: string,
    done: number,
  ): Record<string, unknown>[] {
    return this.history.eventsFor(kind, namespace, name, done);
  }

  etcdAt(done: number, limit: number): { revisions: EtcdRevision[]; keys: Record<string, number> } {
    return this.history.etcdAt(done, limit);
  }

  kubectlAt(line: string, done: number): string {
    const { engine } = this.current();
    const rev = this.history.revisionAt(done);
    const now = engine.trace.get(done)?.arrive ?? engine.loop.now();
    try {
      return kubectlAt(line, { store: engine.store, rev, revisions: this.history.revisions }, now);
    } catch (e) {
      if (e instanceof ErrCompacted)
        return 'That moment is older than etcd keeps: the API server compacted its history.\n';
      throw e;
    }
  }

  settle(): Delta {
    settle(this.current());
    return this.drain();
  }

  beginStep(): void {
    this.step?.close();
    this.step = new StepWindow(this.current().engine);
  }

  checkStep(goals: Check[], choices: Check[]): { goals: CheckResult[]; choices: CheckResult[] } {
    if (!this.step) this.beginStep();
    const view = (this.step as StepWindow).view();
    return { goals: evaluateAll(goals, view), choices: choices.map((c) => evaluate(c, view)) };
  }

  log(): { config: SessionConfig; ops: Op[] } {
    const session = this.current();
    return { config: session.config, ops: session.ops() };
  }

  names(): Record<string, string[]> {
    const { store } = this.current().engine;
    const out: Record<string, string[]> = {};
    for (const r of allResources()) {
      const names = store.range(storagePrefix(r)).kvs.map((kv) => kv.key.split('/').pop() ?? '');
      out[r.resource] = [...new Set(names)].sort();
    }
    out.components = this.current()
      .engine.allComponents()
      .map((c) => c.name);
    return out;
  }

  private endStep(): void {
    this.step?.close();
    this.step = undefined;
  }

  private current(): Session {
    if (!this.session) throw new Error('no session: start one first');
    return this.session;
  }

  private drain(): Delta {
    return this.observer ? this.observer.drain() : { hops: [], versions: [], now: 0 };
  }
}

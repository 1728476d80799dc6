import { allResources, storagePrefix } from '../../engine/api/resources';
import { Observer } from './observer';
import type { CommandResult, Delta, EngineApi, Op, SessionConfig, Started } from './protocol';
import { Session, opsUntil } from './session';

/** Answers the page's calls with one session at a time; the worker's whole job. */
export class EngineHost implements EngineApi {
  private session: Session | undefined;
  private observer: Observer | undefined;

  start(config: SessionConfig, ops: Op[]): Started {
    this.observer?.close();
    const session = new Session(config);
    this.session = session;
    this.observer = new Observer(session.engine);
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
    // The page already holds everything up to the fork point, so the replay is not observed.
    const session = new Session(old.config, opsUntil(old.log(), old.bootHops, hop, arrive));
    this.session = session;
    this.observer = new Observer(session.engine);
    this.observer.drain();
    const { engine } = session;
    return { hops: engine.trace.size(), rev: engine.store.revision(), now: engine.loop.now() };
  }

  body(hop: number): unknown {
    return this.current().engine.trace.get(hop)?.body;
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

  private current(): Session {
    if (!this.session) throw new Error('no session: start one first');
    return this.session;
  }

  private drain(): Delta {
    return this.observer
      ? this.observer.drain()
      : { hops: [], versions: [], components: [], scheduling: [], now: 0 };
  }
}

import { defaultNodes } from '../../engine/cluster';
import type { Engine } from '../../engine/engine';
import { runSim } from '../../engine/sim/commands';
import { createSimulation, outputText, runKubectl } from '../../engine/simulation';
import type { LoggedOp, Op, SessionConfig } from './protocol';

// A session is a cluster config and the ops done to it. The engine is deterministic, so
// replaying the ops rebuilds the exact same engine: that is how the page rewinds and forks.

/** What a command printed. */
export interface Printed {
  output: string;
  exitCode: number;
}

/** Drives one engine and logs every op it runs. */
export class Session {
  readonly engine: Engine;
  private readonly logged: LoggedOp[] = [];
  /** Hops recorded when boot settled: the start of the session's timeline. */
  readonly bootHops: number;

  constructor(
    readonly config: SessionConfig,
    ops: readonly Op[] = [],
  ) {
    this.engine = createSimulation({ seed: config.seed, nodes: defaultNodes(config.nodes) });
    this.engine.runUntilIdle();
    this.bootHops = this.engine.trace.size();
    for (const op of ops) this.run(op);
  }

  /** Returns the ops run so far. */
  ops(): Op[] {
    return this.logged.map((l) => l.op);
  }

  /** Returns the ops with where each left the engine. */
  log(): readonly LoggedOp[] {
    return this.logged;
  }

  /** Runs one op, logs it and returns what it printed (empty for time ops). */
  run(op: Op): Printed {
    const printed = this.execute(op);
    this.record(op);
    return printed;
  }

  /** Runs loop tasks until minHops more hops exist, maxMs passed, or nothing is queued. */
  extend(minHops: number, maxMs: number): void {
    const { loop, trace } = this.engine;
    const target = trace.size() + minHops;
    const deadline = loop.now() + maxMs;
    let n = 0;
    while (trace.size() < target) {
      const next = loop.nextAt();
      if (next === undefined || next > deadline) break;
      loop.step();
      n++;
    }
    if (n > 0) this.record({ op: 'steps', n });
    // Nothing more was due: the rest of the time passes idle.
    if (trace.size() < target) this.run({ op: 'until', t: deadline });
  }

  private record(op: Op): void {
    this.logged.push({ op, endTime: this.engine.loop.now(), endHops: this.engine.trace.size() });
  }

  private execute(op: Op): Printed {
    const { engine } = this;
    switch (op.op) {
      case 'steps':
        for (let i = 0; i < op.n && engine.loop.step(); i++);
        return { output: '', exitCode: 0 };
      case 'until':
        engine.loop.runUntil(op.t);
        return { output: '', exitCode: 0 };
      case 'kubectl': {
        const result = runKubectl(engine, op.line, { stdin: op.stdin });
        return { output: outputText(result), exitCode: result.exitCode };
      }
      case 'sim': {
        const result = runSim(engine, op.line);
        return { output: result.text ? `${result.text}\n` : '', exitCode: result.ok ? 0 : 1 };
      }
    }
  }
}

/**
 * Returns the ops that rebuild a session as it stood once hop `hop` had arrived: the ops before
 * the one that sent it, then time run up to its arrival. A hop sent inside a command forks after
 * the whole command, which cannot be cut in two.
 */
export function opsUntil(
  log: readonly LoggedOp[],
  bootHops: number,
  hop: number,
  arrive: number,
): Op[] {
  const out: Op[] = [];
  let startHops = bootHops;
  for (const l of log) {
    if (l.endHops < hop) {
      out.push(l.op);
      startHops = l.endHops;
      continue;
    }
    const isCommand = l.op.op === 'kubectl' || l.op.op === 'sim';
    out.push(isCommand && hop > startHops ? l.op : { op: 'until', t: arrive });
    break;
  }
  return out;
}

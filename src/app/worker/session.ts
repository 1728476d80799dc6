import { defaultNodes } from '../../engine/cluster';
import type { ClusterConfig } from '../../engine/cluster';
import type { Engine } from '../../engine/engine';
import { runSim } from '../../engine/sim/commands';
import { withScoringStrategy } from '../../engine/scheduler/config';
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
    this.engine = createSimulation(clusterOf(config));
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

  /**
   * Runs until minHops more hops exist (finishing every task due at that instant, so a moment's
   * hops are never split) or maxMs of virtual time passed, whichever is first.
   */
  extend(minHops: number, maxMs: number): void {
    const { loop, trace } = this.engine;
    const target = trace.size() + minHops;
    let end = loop.now() + maxMs;
    while (trace.size() < target) {
      const next = loop.nextAt();
      if (next === undefined || next > end) break;
      loop.step();
    }
    if (trace.size() >= target) end = loop.now();
    this.run({ op: 'until', t: end });
  }

  private record(op: Op): void {
    const last = this.logged[this.logged.length - 1];
    const entry = { op, endTime: this.engine.loop.now(), endHops: this.engine.trace.size() };
    // Consecutive waits are one wait, which keeps a shared session's log short.
    if (op.op === 'until' && last?.op.op === 'until') this.logged[this.logged.length - 1] = entry;
    else this.logged.push(entry);
  }

  private execute(op: Op): Printed {
    const { engine } = this;
    switch (op.op) {
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

/** Returns the engine's configuration for a session's: node specs or default nodes, and scoring. */
export function clusterOf(config: SessionConfig): Partial<ClusterConfig> {
  return {
    seed: config.seed,
    nodes: config.nodeSpecs ?? defaultNodes(config.nodes),
    ...(config.scoringStrategy ? { scheduler: withScoringStrategy(config.scoringStrategy) } : {}),
  };
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

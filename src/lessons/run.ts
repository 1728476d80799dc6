import type { Op } from '../app/worker/protocol';
import { Session } from '../app/worker/session';
import { isHeartbeat } from '../app/timeline/heartbeat';
import type { CheckResult } from './checks/check';
import { evaluate, evaluateAll } from './checks/evaluate';
import { StepWindow } from './checks/window';
import { parseDuration } from './duration';
import type { Action, Lesson, Predict, Step } from './lesson';
import { lessonStart } from './start';

// Plays a lesson headless: builds its starting session, replays a step's solution, lets the
// simulation settle, then judges the step's goals and its predict question by what happened.
// Deterministic: the same lesson always gives the same session, hop for hop.

/** How long the cluster must be quiet (no hop but heartbeats) to count as settled. */
export const QUIET_MS = 15_000;
/** The most virtual time settling waits beyond a step's own waits. */
export const HORIZON_MS = 180_000;

/** What a step did: each command's output, its goals, and which predict choices came true. */
export interface StepOutcome {
  outputs: { line: string; output: string; exitCode: number; fails: boolean }[];
  goals: CheckResult[];
  /** One result per predict choice: ok means the simulation did what the choice says. */
  choices: CheckResult[];
}

/** Returns the ops an action runs now (none for YAML placed into the editor). */
export function actionOps(action: Action, now: number): Op[] {
  if ('run' in action) {
    const line = action.run.trim();
    if (line.startsWith('sim ')) return [{ op: 'sim', line }];
    return [action.stdin === undefined ? { op: 'kubectl', line } : { op: 'kubectl', line, stdin: action.stdin }];
  }
  if ('apply' in action) return [{ op: 'kubectl', line: 'kubectl apply -f -', stdin: action.apply }];
  if ('wait' in action) return [{ op: 'until', t: now + (parseDuration(action.wait) ?? 0) }];
  return [];
}

/** Runs virtual time until no hop but heartbeats has been sent for QUIET_MS, or HORIZON_MS passed. */
export function settle(session: Session, quietMs = QUIET_MS, horizonMs = HORIZON_MS): void {
  const { loop, trace } = session.engine;
  const start = loop.now();
  let busy = start;
  let seen = trace.size();
  while (loop.now() - start < horizonMs && loop.now() - busy < quietMs) {
    session.run({ op: 'until', t: loop.now() + 1000 });
    const all = trace.all();
    for (; seen < all.length; seen++) {
      const hop = all[seen];
      if (hop && !isHeartbeat(hop)) busy = Math.max(busy, hop.t);
    }
  }
}

/** A lesson played headless, one step at a time. */
export class LessonRun {
  readonly session: Session;

  constructor(readonly lesson: Lesson) {
    const { config, ops } = lessonStart(lesson);
    this.session = new Session(config, ops);
    settle(this.session);
  }

  /** Replays a step's solution (or its actions), settles, and judges goals and predict choices. */
  play(step: Step): StepOutcome {
    const window = new StepWindow(this.session.engine);
    const outputs: StepOutcome['outputs'] = [];
    for (const action of step.solution ?? step.actions ?? []) {
      for (const op of actionOps(action, this.session.engine.loop.now())) {
        const printed = this.session.run(op);
        const fails = 'fails' in action && action.fails === true;
        if (op.op !== 'until') outputs.push({ line: op.line, ...printed, fails });
      }
    }
    settle(this.session);
    const view = window.view();
    const goals = evaluateAll(step.goals ?? [], view);
    const choices = (step.predict?.choices ?? []).map((c) => evaluate(c.when, view));
    window.close();
    return { outputs, goals, choices };
  }
}

/** Returns whether a student's pick is right by what the simulation did (its choice came true). */
export function gradePick(predict: Predict, choices: readonly CheckResult[], pick: number): boolean {
  return pick >= 0 && pick < predict.choices.length && (choices[pick]?.ok ?? false);
}

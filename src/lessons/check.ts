import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lesson, Step } from './lesson';
import { formatErrors, parseLesson } from './parse';
import { LessonRun } from './run';
import type { StepOutcome } from './run';

// `npm run lessons:check`: every lesson in lessons/ is validated, then played headless step by
// step; each step's solution must meet its goals, and each predict question's stated answer must
// be what the simulation does (and no other choice). A lesson whose solution no longer works
// fails the build, as Learn Git Branching's levels.spec replays every level.

/** What checking one lesson file found. */
export interface LessonReport {
  file: string;
  id?: string;
  problems: string[];
  ms: number;
}

/** File names: a two-digit order, then the lesson's id. */
const FILE = /^\d\d-([a-z0-9-]+)\.yaml$/;

/** Checks one lesson file. */
export function checkLessonFile(path: string): LessonReport {
  const started = performance.now();
  const file = basename(path);
  const parsed = parseLesson(readFileSync(path, 'utf8'));
  if (!parsed.ok) return { file, problems: [formatErrors(file, parsed.errors)], ms: performance.now() - started };
  const { lesson } = parsed;
  const problems: string[] = [];
  const named = FILE.exec(file);
  if (named?.[1] !== lesson.id) {
    problems.push(`${file}: the file name must be NN-${lesson.id}.yaml (two digits, then the lesson's id)`);
  }
  problems.push(...replay(file, lesson));
  return { file, id: lesson.id, problems, ms: performance.now() - started };
}

/** Plays a lesson's steps in order and returns what did not work, in words. */
export function replay(file: string, lesson: Lesson): string[] {
  const problems: string[] = [];
  const run = new LessonRun(lesson);
  for (const step of lesson.steps) {
    const at = `${file}: step "${step.id}"`;
    problems.push(...disallowed(at, step));
    const outcome = run.play(step);
    problems.push(...judge(at, step, outcome));
  }
  return problems;
}

function judge(at: string, step: Step, outcome: StepOutcome): string[] {
  const problems: string[] = [];
  for (const o of outcome.outputs) {
    if (o.exitCode !== 0 && !o.fails) problems.push(`${at}: \`${o.line}\` failed: ${o.output.trim()}`);
    if (o.exitCode === 0 && o.fails) problems.push(`${at}: \`${o.line}\` should fail but succeeded`);
  }
  for (const g of outcome.goals) {
    if (!g.ok) problems.push(`${at}: goal "${g.goal}" is not met: ${g.explanation}`);
  }
  step.predict?.choices.forEach((choice, i) => {
    const result = outcome.choices[i];
    if (!result) return;
    if (choice.correct && !result.ok) {
      problems.push(`${at}: the stated answer "${choice.text}" is not what happened: ${result.explanation}`);
    }
    if (!choice.correct && result.ok) {
      problems.push(`${at}: choice "${choice.text}" is not marked correct, but it is what happened (${result.goal})`);
    }
  });
  return problems;
}

/** A step that limits commands must allow its own solution's. */
function disallowed(at: string, step: Step): string[] {
  if (!step.allowed) return [];
  const allowed = step.allowed;
  return (step.solution ?? step.actions ?? [])
    .filter((a): a is { run: string } => 'run' in a)
    .filter((a) => !allowed.some((p) => a.run === p || a.run.startsWith(`${p} `)))
    .map((a) => `${at}: the solution runs \`${a.run}\`, which the step's allowed commands do not include`);
}

/** Checks every lesson file in a directory; returns the reports in file order. */
export function checkLessons(dir: string): LessonReport[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return files.map((f) => checkLessonFile(join(dir, f)));
}

function main(): void {
  const dir = resolve(process.argv[2] ?? 'lessons');
  const reports = checkLessons(dir);
  let failed = 0;
  for (const r of reports) {
    const secs = (r.ms / 1000).toFixed(1);
    if (r.problems.length === 0) console.log(`ok   ${r.file} (${secs}s)`);
    else {
      failed++;
      console.log(`FAIL ${r.file} (${secs}s)\n${r.problems.map((p) => `  ${p.replace(/\n/g, '\n  ')}`).join('\n')}`);
    }
  }
  if (reports.length === 0) console.log(`no lessons in ${dir}`);
  console.log(`${reports.length - failed} of ${reports.length} lessons pass`);
  process.exitCode = failed > 0 || reports.length === 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

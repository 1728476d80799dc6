import { parseSelector } from '../engine/api/labels';
import type { Check } from './checks/check';
import type { Lesson, Step } from './lesson';
import type { SchemaError } from './schema';

// What the schema cannot say about a lesson: checked after it, on a value the schema accepted.

const RAW_HTML = /<\/?[A-Za-z][\w-]*(\s[^<>]*)?\/?>|<!--/;

/** Returns the problems the schema cannot catch, each with its path. */
export function semanticErrors(lesson: Lesson): SchemaError[] {
  const out: SchemaError[] = [];
  const ids = new Set<string>();
  if (Array.isArray(lesson.cluster.nodes)) {
    const names = new Set<string>();
    lesson.cluster.nodes.forEach((n, i) => {
      if (names.has(n.name)) out.push({ path: ['cluster', 'nodes', i, 'name'], message: `repeats the node name "${n.name}"` });
      names.add(n.name);
    });
  }
  lesson.steps.forEach((step, i) => {
    const at = ['steps', i];
    if (ids.has(step.id)) out.push({ path: [...at, 'id'], message: `repeats the step id "${step.id}"` });
    ids.add(step.id);
    markdown(step, at, out);
    (step.goals ?? []).forEach((g, j) => checkErrors(g, [...at, 'goals', j], out));
    step.predict?.choices.forEach((c, j) => checkErrors(c.when, [...at, 'predict', 'choices', j, 'when'], out));
    if (step.predict && !step.predict.choices.some((c) => c.correct)) {
      out.push({ path: [...at, 'predict', 'choices'], message: 'needs one choice marked "correct: true"' });
    }
    const judged = (step.goals?.length ?? 0) > 0 || step.predict !== undefined;
    const runs = (step.solution ?? step.actions ?? []).some((a) => !('editor' in a));
    if (judged && !runs) {
      out.push({ path: at, message: 'has goals or a question but no solution (or actions) to check them with' });
    }
  });
  return out;
}

function markdown(step: Step, at: (string | number)[], out: SchemaError[]): void {
  const texts: [(string | number)[], string | undefined][] = [
    [[...at, 'narration'], step.narration],
    [[...at, 'predict', 'question'], step.predict?.question],
    [[...at, 'predict', 'explanation'], step.predict?.explanation],
    ...(step.hints ?? []).map((h, j): [(string | number)[], string] => [[...at, 'hints', j], h]),
  ];
  for (const [path, text] of texts) {
    const html = text === undefined ? null : RAW_HTML.exec(withoutCode(text));
    if (html) {
      out.push({ path, message: `must not contain raw HTML (found ${html[0]}); write literal <…> inside backticks` });
    }
  }
}

/** Removes fenced blocks and inline code, where <none> and <pod> are literal text. */
function withoutCode(text: string): string {
  return text.replace(/```[\s\S]*?(```|$)/g, '').replace(/`[^`\n]*`/g, '');
}

function checkErrors(check: Check, path: (string | number)[], out: SchemaError[]): void {
  if ('count' in check) {
    if (check.equals === undefined && check.atLeast === undefined && check.atMost === undefined) {
      out.push({ path, message: 'a count needs equals, atLeast or atMost' });
    }
    if (check.count.status !== undefined && !['Pod', 'Node'].includes(check.count.kind)) {
      out.push({ path: [...path, 'count', 'status'], message: 'status is kubectl\'s STATUS column, which only Pods and Nodes have' });
    }
    if (check.count.selector !== undefined) {
      try {
        parseSelector(check.count.selector);
      } catch (e) {
        out.push({ path: [...path, 'count', 'selector'], message: `is not a label selector: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  } else if ('not' in check) checkErrors(check.not, [...path, 'not'], out);
  else if ('any' in check) check.any.forEach((c, i) => checkErrors(c, [...path, 'any', i], out));
  else if ('all' in check) check.all.forEach((c, i) => checkErrors(c, [...path, 'all', i], out));
}

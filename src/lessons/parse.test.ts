import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import schema from '../../lessons/lesson.schema.json';
import { formatErrors, parseLesson } from './parse';
import { unsupportedKeywords } from './schema';

const broken = readFileSync(new URL('./fixtures/broken.yaml', import.meta.url), 'utf8');

/** The broken fixture with one line replaced. */
function variant(from: string, to: string): string {
  if (!broken.includes(from)) throw new Error(`fixture has no ${from}`);
  return broken.replace(from, to);
}

const fixed = variant('      - cont:', '      - count:');

describe('parseLesson', () => {
  it('accepts the fixture once its mistake is fixed, filling in nothing it did not say', () => {
    const r = parseLesson(fixed);
    expect(r.ok && r.lesson.steps[0]?.goals).toEqual([{ count: { kind: 'Pod', name: 'solo' }, equals: 1 }]);
  });

  it('names the field and line of a misspelt check', () => {
    const r = parseLesson(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatErrors('broken.yaml', r.errors)).toBe(
      'broken.yaml:18:9: steps[0].goals[0]: needs one of the fields "count", "rollout", "event", "hop", "field", "not", "any", "all" (it has "cont", "equals")',
    );
  });

  const cases: [string, string, string][] = [
    ['an unknown field', variant('minutes: 5', 'minutes: 5\nduration: 5'), '7:11: duration: is not a field here'],
    ['a wrong level', variant('level: beginner', 'level: easy'), '5:8: level: must be one of "beginner", "intermediate", "advanced" (it is "easy")'],
    ['a missing title', variant('    title: First\n', ''), '12:5: steps[0]: needs the field "title"'],
    [
      'raw HTML in narration',
      fixed.replace('narration: Create a pod.', 'narration: Create a <b>pod</b>.'),
      '14:16: steps[0].narration: must not contain raw HTML (found <b>)',
    ],
    ['a YAML syntax error', variant('topics: [testing]', 'topics: [testing'), '8:1: Flow sequence in block collection must be sufficiently indented'],
    ['a repeated key', variant('level: beginner', 'level: beginner\nlevel: advanced'), '6:1: Map keys must be unique'],
    ['a bad selector', variant('cont: { kind: Pod, name: solo }', 'count: { kind: Pod, selector: "app in web" }'), '18:39: steps[0].goals[0].count.selector: is not a label selector'],
    ['a node spec with a bad cpu', variant('  nodes: 1', '  nodes:\n    - name: n1\n      cpu: lots'), '12:12: cluster.nodes[0].cpu: must match'],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const r = parseLesson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatErrors('x.yaml', r.errors)).toContain(`x.yaml:${expected}`);
  });

  it('allows <none> and other angle brackets inside code', () => {
    const r = parseLesson(fixed.replace('narration: Create a pod.', 'narration: "NODE shows `<none>` until then."'));
    expect(r.ok).toBe(true);
  });

  it('fills a node spec’s capacity with the default node’s', () => {
    const r = parseLesson(fixed.replace('  nodes: 1', '  nodes:\n    - name: small\n      cpu: "1"'));
    expect(r.ok && r.lesson.cluster.nodes).toEqual([{ name: 'small', cpu: '1', memory: '8Gi', pods: 110 }]);
  });

  it('uses only schema keywords the validator supports', () => {
    expect([...unsupportedKeywords(schema)]).toEqual([]);
  });
});

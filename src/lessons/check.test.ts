import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessonFile, checkLessons } from './check';

const lessonsDir = new URL('../../lessons/', import.meta.url).pathname;
const fixture = new URL('./fixtures/broken.yaml', import.meta.url).pathname;

describe('lessons:check', () => {
  it('passes every lesson in lessons/', () => {
    const reports = checkLessons(lessonsDir);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.flatMap((r) => r.problems)).toEqual([]);
  });

  it('fails a broken lesson with the field and line', () => {
    const report = checkLessonFile(fixture);
    expect(report.problems).toEqual([
      'broken.yaml:18:9: steps[0].goals[0]: needs one of the fields "count", "rollout", "event", "hop", "field", "not", "any", "all" (it has "cont", "equals")',
    ]);
  });

  it('fails a lesson whose goal the solution does not reach, and a predict answer the simulation contradicts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    const text = readFileSync(fixture, 'utf8')
      .replace('- cont: { kind: Pod, name: solo }', '- count: { kind: Pod, name: solo, status: Running }')
      .replace('equals: 1', 'equals: 2')
      .concat(
        [
          '    predict:',
          '      question: Who binds solo?',
          '      choices:',
          '        - text: kubectl',
          '          when: { hop: { from: kubectl, resource: pods/binding } }',
          '          correct: true',
          '        - text: the scheduler',
          '          when: { hop: { from: kube-scheduler, resource: pods/binding } }',
          '',
        ].join('\n'),
      );
    const file = join(dir, '01-broken.yaml');
    writeFileSync(file, text);
    expect(checkLessonFile(file).problems).toEqual([
      '01-broken.yaml: step "first": goal "2 Running pods named solo" is not met: expected 2 Running pods named solo, found 1: there is only 1 pod named solo.',
      '01-broken.yaml: step "first": the stated answer "kubectl" is not what happened: no hop from kubectl (pods/binding) since this step began.',
      '01-broken.yaml: step "first": choice "the scheduler" is not marked correct, but it is what happened (a hop from kube-scheduler (pods/binding))',
    ]);
  });

  it('fails a command that errs unless it is marked fails, and one marked fails that succeeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    const text = readFileSync(fixture, 'utf8')
      .replace('- cont:', '- count:')
      .replace(
        '      - run: kubectl run solo --image=nginx',
        [
          '      - run: kubectl run solo --image=nginx',
          '      - run: kubectl get pod nope',
          '      - run: kubectl get pods',
          '        fails: true',
        ].join('\n'),
      );
    const file = join(dir, '01-broken.yaml');
    writeFileSync(file, text);
    expect(checkLessonFile(file).problems).toEqual([
      '01-broken.yaml: step "first": `kubectl get pod nope` failed: Error from server (NotFound): pods "nope" not found',
      '01-broken.yaml: step "first": `kubectl get pods` should fail but succeeded',
    ]);
  });
});

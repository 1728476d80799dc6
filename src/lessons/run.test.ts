import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../app/worker/session';
import { evaluate } from './checks/evaluate';
import { StepWindow } from './checks/window';
import type { Lesson } from './lesson';
import { parseLesson } from './parse';
import { LessonRun, actionOps, gradePick, settle } from './run';
import { lessonStart } from './start';

const lesson: Lesson = {
  id: 'tiny',
  title: 'Tiny',
  summary: 'A tiny lesson.',
  level: 'beginner',
  minutes: 5,
  topics: [],
  cluster: {
    seed: 3,
    nodes: [{ name: 'small', cpu: '1', memory: '2Gi', pods: 110, labels: { disk: 'ssd' } }],
    scoringStrategy: 'MostAllocated',
    objects: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: pre\nspec:\n  containers:\n    - name: c\n      image: nginx\n',
    stopped: ['kube-scheduler'],
  },
  steps: [
    {
      id: 'wait',
      title: 'Wait',
      narration: 'The scheduler is stopped.',
      actions: [{ run: 'kubectl get pods' }],
      predict: {
        question: 'Is pre scheduled?',
        choices: [
          { text: 'yes', when: { count: { kind: 'Pod', name: 'pre', status: 'Running' }, equals: 1 } },
          { text: 'no', when: { count: { kind: 'Pod', name: 'pre', status: 'Pending' }, equals: 1 }, correct: true },
        ],
      },
    },
    {
      id: 'start',
      title: 'Start it',
      narration: 'Start the scheduler.',
      solution: [{ run: 'sim component start kube-scheduler' }],
      goals: [{ count: { kind: 'Pod', name: 'pre', status: 'Running', node: 'small' }, equals: 1 }],
    },
  ],
};

describe('lessonStart', () => {
  it('turns the starting cluster into a config and first ops', () => {
    expect(lessonStart(lesson)).toEqual({
      config: {
        seed: 3,
        nodes: 1,
        nodeSpecs: lesson.cluster.nodes,
        scoringStrategy: 'MostAllocated',
      },
      ops: [
        { op: 'sim', line: 'sim component stop kube-scheduler' },
        { op: 'kubectl', line: 'kubectl apply -f -', stdin: lesson.cluster.objects },
      ],
    });
  });
});

describe('actionOps', () => {
  it('maps each action to the op the terminal, the Apply button or fast-forward would run', () => {
    expect(actionOps({ run: 'sim node stop node-1' }, 0)).toEqual([{ op: 'sim', line: 'sim node stop node-1' }]);
    expect(actionOps({ run: 'kubectl get pods' }, 0)).toEqual([{ op: 'kubectl', line: 'kubectl get pods' }]);
    expect(actionOps({ run: 'kubectl replace -f -', stdin: 'x: 1' }, 0)).toEqual([
      { op: 'kubectl', line: 'kubectl replace -f -', stdin: 'x: 1' },
    ]);
    expect(actionOps({ apply: 'x: 1' }, 0)).toEqual([{ op: 'kubectl', line: 'kubectl apply -f -', stdin: 'x: 1' }]);
    expect(actionOps({ wait: '6m' }, 1000)).toEqual([{ op: 'until', t: 361_000 }]);
    expect(actionOps({ editor: 'x: 1' }, 0)).toEqual([]);
  });
});

describe('LessonRun', () => {
  it('plays steps, judging goals and predict choices by what the simulation did', () => {
    const run = new LessonRun(lesson);
    const first = run.play(lesson.steps[0] as Lesson['steps'][number]);
    expect(first.choices.map((c) => c.ok)).toEqual([false, true]);
    expect(gradePick(lesson.steps[0]?.predict as never, first.choices, 1)).toBe(true);
    expect(gradePick(lesson.steps[0]?.predict as never, first.choices, 0)).toBe(false);
    const second = run.play(lesson.steps[1] as Lesson['steps'][number]);
    expect(second.outputs.map((o) => [o.exitCode, o.fails])).toEqual([[0, false]]);
    expect(second.goals).toEqual([
      { ok: true, goal: '1 Running pod named pre on small', explanation: '' },
    ]);
  });

  it('is deterministic: two runs log the same ops and reach the same time', () => {
    const a = new LessonRun(lesson);
    const b = new LessonRun(lesson);
    for (const step of lesson.steps) {
      a.play(step);
      b.play(step);
    }
    expect(b.session.ops()).toEqual(a.session.ops());
    expect(b.session.engine.trace.size()).toBe(a.session.engine.trace.size());
  });

  it('leaves a replayable session: its log rebuilds the same engine', () => {
    const run = new LessonRun(lesson);
    for (const step of lesson.steps) run.play(step);
    const again = new Session(run.session.config, run.session.ops());
    expect(again.engine.trace.size()).toBe(run.session.engine.trace.size());
  });
});

describe('StepWindow', () => {
  it('sees every state since the step began, for measure max and min', () => {
    const session = new Session({ seed: 1, nodes: 2 });
    const window = new StepWindow(session.engine);
    session.run({ op: 'kubectl', line: 'kubectl create deployment web --image=nginx --replicas=3' });
    settle(session);
    const view = window.view();
    const running = { kind: 'Pod', selector: 'app=web', status: 'Running' };
    expect(evaluate({ count: running, equals: 0, measure: 'min' }, view).ok).toBe(true);
    expect(evaluate({ count: running, equals: 3, measure: 'max' }, view).ok).toBe(true);
    expect(evaluate({ hop: { from: 'kubectl', verb: 'POST' } }, view).ok).toBe(true);
    window.close();
  });
});

describe('the broken fixture', () => {
  it('parses once fixed and plays to its goal', () => {
    const text = readFileSync(new URL('./fixtures/broken.yaml', import.meta.url), 'utf8');
    const parsed = parseLesson(text.replace('- cont:', '- count:'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = new LessonRun(parsed.lesson);
    expect(run.play(parsed.lesson.steps[0] as Lesson['steps'][number]).goals[0]?.ok).toBe(true);
  });
});

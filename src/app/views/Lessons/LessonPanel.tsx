import { useEffect, useMemo, useRef, useState } from 'react';
import ReactMarkdown from 'react-markdown';
import { useStore } from 'zustand';
import type { Action, Lesson } from '../../../lessons/lesson';
import { parseLesson } from '../../../lessons/parse';
import type { LessonMode } from '../../session/lessonMode';
import type { SessionController } from '../../session/controller';
import { useThrottled } from '../useThrottled';
import { catalog } from './catalog';
import { loadProgress } from './progress';

/** Lesson text is Markdown rendered as React elements; raw HTML in it is dropped, never injected. */
function Markdown({ text }: { text: string }) {
  return <ReactMarkdown skipHtml>{text}</ReactMarkdown>;
}

/** The lesson list, or the step the student is on, with its actions, prediction, goals and hints. */
export function LessonPanel({ mode, session }: { mode: LessonMode; session: SessionController }) {
  const state = useStore(mode.store);
  const revision = useThrottled(
    useStore(session.store, (s) => s.revision),
    500,
  );
  useEffect(() => {
    if (state.lesson && !state.finished) void mode.check();
  }, [mode, revision, state.lesson, state.finished]);
  if (!state.lesson) return <LessonList mode={mode} />;
  const { lesson } = state;
  if (state.finished)
    return (
      <div className="lesson">
        <h2>Lesson complete: {lesson.title}</h2>
        <p>You finished all {lesson.steps.length} steps.</p>
        <button className="primary" onClick={() => void mode.exit()}>
          Back to the sandbox
        </button>{' '}
        <button onClick={() => void mode.start(lesson)}>Start it again</button>
      </div>
    );
  return <StepView mode={mode} lesson={lesson} />;
}

function LessonList({ mode }: { mode: LessonMode }) {
  const entries = useMemo(() => catalog(), []);
  const progress = loadProgress();
  const [error, setError] = useState<string | undefined>(undefined);
  const open = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1_000_000) return setError(`${file.name} is ${file.size.toLocaleString('en-US')} bytes; a lesson file must be under 1 MB.`);
    const parsed = parseLesson(await file.text());
    if (parsed.ok) {
      setError(undefined);
      await mode.start(parsed.lesson);
    } else setError(`${file.name} is not a valid lesson:\n${parsed.errors.map((e) => `line ${e.line}, column ${e.column}: ${e.field ? `${e.field}: ` : ''}${e.message}`).join('\n')}`);
  };
  return (
    <div
      className="lessons"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void open(e.dataTransfer.files[0]);
      }}
    >
      <h2>Lessons</h2>
      <ul className="lessonlist">
        {entries.map((e) =>
          'error' in e ? (
            <li key={e.file} className="error">
              {e.file}: {e.error}
            </li>
          ) : (
            <li key={e.file}>
              <button className="lessoncard" onClick={() => void mode.start(e.lesson)}>
                <b>{e.lesson.title}</b>
                <span className="quiet">
                  {e.lesson.level}, {e.lesson.minutes} min
                  {progress[e.lesson.id]?.done
                    ? ' · completed'
                    : progress[e.lesson.id]
                      ? ` · step ${(progress[e.lesson.id]?.step ?? 0) + 1} of ${e.lesson.steps.length}`
                      : ''}
                </span>
                <span>{e.lesson.summary}</span>
              </button>
            </li>
          ),
        )}
      </ul>
      <label className="openlesson">
        Open a lesson file (or drop one here){' '}
        <input type="file" accept=".yaml,.yml" onChange={(e) => void open(e.target.files?.[0]).then(() => (e.target.value = ''))} />
      </label>
      {error && (
        <pre className="error" role="alert">
          {error}
        </pre>
      )}
    </div>
  );
}

function StepView({ mode, lesson }: { mode: LessonMode; lesson: Lesson }) {
  const state = useStore(mode.store);
  const step = lesson.steps[state.step];
  const [output, setOutput] = useState('');
  const top = useRef<HTMLParagraphElement>(null);
  // A new step starts at its top, where its title and narration are.
  useEffect(() => {
    top.current?.closest('.pane')?.scrollTo(0, 0);
    setOutput('');
  }, [state.step, lesson]);
  if (!step) return null;
  const act = (a: Action) => void mode.act(a).then(setOutput);
  const goalsMet = state.goals.every((g) => g.ok);
  const last = state.step === lesson.steps.length - 1;
  return (
    <div className="lesson">
      <p className="quiet" ref={top}>
        {lesson.title} · step {state.step + 1} of {lesson.steps.length}
      </p>
      <h2>{step.title}</h2>
      <div className="narration">
        <Markdown text={step.narration} />
      </div>
      {step.predict && (
        <fieldset className="predict">
          <legend>Predict first</legend>
          <Markdown text={step.predict.question} />
          {step.predict.choices.map((c, i) => (
            <label key={i} className="choice">
              <input type="radio" name="predict" checked={state.pick === i} onChange={() => mode.pick(i)} /> {c.text}
              {state.choices && state.pick === i && (
                <b className={state.choices[i]?.ok ? 'right' : 'wrong'}>{state.choices[i]?.ok ? ' ✓ that is what happened' : ' ✕ not what happened'}</b>
              )}
            </label>
          ))}
          {state.choices && step.predict.explanation && <Markdown text={step.predict.explanation} />}
        </fieldset>
      )}
      {step.actions && step.actions.length > 0 && (
        <div className="actions">
          {step.actions.map((a, i) => (
            <button key={i} disabled={state.busy} onClick={() => act(a)}>
              {actionLabel(a)}
            </button>
          ))}
        </div>
      )}
      {output && <pre className="applyoutput">{output}</pre>}
      {state.goals.length > 0 && (
        <div className="goals">
          <h3>Goal</h3>
          <ul>
            {state.goals.map((g, i) => (
              <li key={i} className={g.ok ? 'right' : 'wrong'}>
                <span aria-hidden="true">{g.ok ? '✓ ' : '○ '}</span>
                {g.goal}
                {g.ok ? ' (done)' : ''}
                {!g.ok && g.explanation && <span className="quiet"> — {g.explanation}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="hints">
        {(step.hints ?? []).slice(0, state.hintsShown).map((h, i) => (
          <div key={i} className="lessonhint">
            <Markdown text={h} />
          </div>
        ))}
        {state.hintsShown < (step.hints?.length ?? 0) && <button onClick={() => mode.showHint()}>Show a hint</button>}{' '}
        {step.solution && !state.solutionShown && (
          <button onClick={() => window.confirm('Show the solution? Trying first teaches more.') && mode.showSolution()}>Show the solution</button>
        )}
        {state.solutionShown &&
          step.solution?.map((a, i) => (
            <button key={i} disabled={state.busy} onClick={() => act(a)}>
              {actionLabel(a)}
            </button>
          ))}
      </div>
      <div className="stepnav">
        <button disabled={state.step === 0} onClick={() => void mode.go(state.step - 1)}>
          Previous
        </button>
        <button className="primary" disabled={!goalsMet} onClick={() => void mode.go(state.step + 1)}>
          {last ? 'Finish' : 'Next'}
        </button>
        <button onClick={() => void mode.start(lesson)}>Reset lesson</button>
        <button onClick={() => void mode.exit()}>Sandbox</button>
      </div>
    </div>
  );
}

function actionLabel(a: Action): string {
  if (a.label) return a.label;
  if ('run' in a) return `Run: ${a.run}`;
  if ('apply' in a) return 'Apply the YAML';
  if ('wait' in a) return `Wait ${a.wait}`;
  return 'Put the YAML in the editor';
}

import { createStore } from 'zustand/vanilla';
import type { CheckResult } from '../../lessons/checks/check';
import type { Action, Lesson } from '../../lessons/lesson';
import { parseDuration } from '../../lessons/duration';
import { lessonStart } from '../../lessons/start';
import type { SavedSession } from '../persistence/validate';
import type { EditorStore } from '../state/editor';
import type { SessionController } from './controller';
import { currentSession, restore, suspendAutosave } from './persist';
import { saveProgress } from '../views/Lessons/progress';

// A lesson takes over the session: the sandbox is kept aside (in memory, and its autosave is not
// touched) and comes back exactly as it was when the student leaves the lesson.

/** Where the student is in a lesson. */
export interface LessonState {
  lesson: Lesson | undefined;
  step: number;
  finished: boolean;
  goals: CheckResult[];
  /** One result per predict choice, once the step's actions have run. */
  choices: CheckResult[] | undefined;
  pick: number | undefined;
  /** Whether the student has run something in this step (predictions are graded after). */
  ran: boolean;
  hintsShown: number;
  solutionShown: boolean;
  busy: boolean;
}

const EMPTY: LessonState = {
  lesson: undefined,
  step: 0,
  finished: false,
  goals: [],
  choices: undefined,
  pick: undefined,
  ran: false,
  hintsShown: 0,
  solutionShown: false,
  busy: false,
};

/** Runs lessons over the page's session. */
export class LessonMode {
  readonly store = createStore<LessonState>(() => EMPTY);
  private sandbox: SavedSession | undefined;

  constructor(
    private readonly session: SessionController,
    private readonly editor: EditorStore,
  ) {}

  /** Starts a lesson from its beginning, keeping the sandbox aside. */
  async start(lesson: Lesson): Promise<void> {
    if (!this.sandbox) this.sandbox = currentSession(this.session, this.editor);
    suspendAutosave(true);
    const { config, ops } = lessonStart(lesson);
    await this.session.start(config, ops);
    // The starting objects are ready when the student arrives, as the checker plays it.
    await this.session.settle();
    this.store.setState({ ...EMPTY, lesson });
    await this.enterStep(0);
  }

  /** Leaves the lesson and brings the sandbox back as it was. */
  async exit(): Promise<void> {
    const sandbox = this.sandbox;
    this.sandbox = undefined;
    this.store.setState(EMPTY);
    if (sandbox) await restore(this.session, this.editor, sandbox);
    suspendAutosave(false);
  }

  /** Moves to another step (Next, Previous); past the last step the lesson is finished. */
  async go(step: number): Promise<void> {
    const { lesson } = this.store.getState();
    if (!lesson) return;
    if (step >= lesson.steps.length) {
      saveProgress(lesson.id, lesson.steps.length, true);
      this.store.setState({ finished: true });
      return;
    }
    await this.enterStep(Math.max(0, step));
  }

  /** Runs one of the step's actions (or of its solution) as the student clicked it. */
  async act(action: Action): Promise<string> {
    this.store.setState({ busy: true, ran: true });
    try {
      if ('run' in action) {
        const line = action.run.trim();
        if (action.stdin !== undefined && !/^sim(\s|$)/.test(line))
          return await this.session.kubectl(line, action.stdin);
        return await this.session.run(line);
      }
      if ('apply' in action) return await this.session.apply(action.apply);
      if ('wait' in action) {
        await this.session.advance(parseDuration(action.wait) ?? 0);
        return '';
      }
      const { files } = this.editor.getState();
      this.editor.setState({
        files: [...files, { name: 'lesson.yaml', text: action.editor }],
        active: files.length,
      });
      return '';
    } finally {
      this.store.setState({ busy: false });
      await this.check();
    }
  }

  /**
   * Returns why a typed command is not allowed in this step (its `allowed` prefixes), or
   * undefined when it may run.
   */
  refuses(line: string): string | undefined {
    const { lesson, step, finished } = this.store.getState();
    const allowed = finished ? undefined : lesson?.steps[step]?.allowed;
    if (!allowed || allowed.some((p) => line.trim().startsWith(p))) return undefined;
    return `This step of the lesson allows only: ${allowed.join(', ')}. (Leave the lesson for the sandbox to run anything.)\n`;
  }

  /** Records the student's prediction before they run the step. */
  pick(choice: number): void {
    this.store.setState({ pick: choice });
  }

  /** Re-judges the step's goals (and predict choices) against the cluster now. */
  async check(): Promise<void> {
    const { lesson, step } = this.store.getState();
    const current = lesson?.steps[step];
    if (!current) return;
    const choices = current.predict?.choices.map((c) => c.when) ?? [];
    const result = await this.session.engine.checkStep(current.goals ?? [], choices);
    this.store.setState((s) => ({
      goals: result.goals,
      choices: s.ran ? result.choices : undefined,
    }));
  }

  showHint(): void {
    this.store.setState((s) => ({ hintsShown: s.hintsShown + 1 }));
  }

  showSolution(): void {
    this.store.setState({ solutionShown: true });
  }

  private async enterStep(step: number): Promise<void> {
    const { lesson } = this.store.getState();
    if (!lesson) return;
    await this.session.engine.beginStep();
    this.store.setState({
      step,
      goals: [],
      choices: undefined,
      pick: undefined,
      hintsShown: 0,
      solutionShown: false,
      finished: false,
    });
    saveProgress(lesson.id, step, false);
    await this.check();
  }
}

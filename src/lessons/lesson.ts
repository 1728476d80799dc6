import type { NodeSpec } from '../engine/cluster';
import type { ScoringStrategyType } from '../engine/scheduler/plugins/noderesources/fit';
import type { Check } from './checks/check';

// A lesson as the parser returns it: the file's fields, checked against lessons/lesson.schema.json.
// The file format is documented in lessons/README.md.

/** How hard a lesson is. */
export type Level = 'beginner' | 'intermediate' | 'advanced';

/** One guided lesson: its card in the lesson list, its starting cluster and its steps. */
export interface Lesson {
  id: string;
  title: string;
  summary: string;
  level: Level;
  /** Estimated minutes for a student who just saw the lecture. */
  minutes: number;
  topics: string[];
  cluster: StartingCluster;
  steps: Step[];
}

/** The cluster a lesson starts from; it becomes a session's config and its first ops. */
export interface StartingCluster {
  seed: number;
  /** A node count (default nodes: 4 CPU, 8Gi, 110 pods) or the nodes one by one. */
  nodes: number | NodeSpec[];
  scoringStrategy?: ScoringStrategyType;
  /** YAML (one or more documents) applied with `kubectl apply -f -` before the student arrives. */
  objects?: string;
  /** Components stopped (`sim component stop NAME`) before the objects are applied. */
  stopped?: string[];
}

/** Something a student can click, or the runner replays: a command, YAML, or a fast-forward. */
export type Action =
  /** A kubectl or sim command line, run as the terminal would; `fails` when the error is the point. */
  | { label?: string; run: string; stdin?: string; fails?: boolean }
  /** YAML applied with `kubectl apply -f -`, as the editor's Apply button does. */
  | { label?: string; apply: string; fails?: boolean }
  /** YAML placed into the editor for the student to read, change and apply (the runner skips it). */
  | { label?: string; editor: string }
  /** Virtual time run forward, e.g. "6m" to pass the 300 s eviction timeout. */
  | { label?: string; wait: string };

/** One answer to a predict question; `when` says what the simulation does if it is right. */
export interface Choice {
  text: string;
  when: Check;
  correct?: boolean;
}

/** A predict-then-observe question, graded by what the simulation does after the step's actions. */
export interface Predict {
  question: string;
  choices: Choice[];
  /** Markdown shown once the student has answered. */
  explanation?: string;
}

/** One step: narration, what to click, what to predict, what to achieve. */
export interface Step {
  id: string;
  title: string;
  /** Markdown; raw HTML is refused by the parser. */
  narration: string;
  actions?: Action[];
  predict?: Predict;
  /** Checks that must all hold once the simulation settles. */
  goals?: Check[];
  /** Shown one at a time, in order. */
  hints?: string[];
  /** What reaches the goals; when absent, the step's actions are its solution. */
  solution?: Action[];
  /** Command prefixes the student may type in this step ("kubectl get", "sim node stop"). */
  allowed?: string[];
}

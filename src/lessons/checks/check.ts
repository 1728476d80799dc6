import type { KubeObject } from '../../engine/api/object';
import type { TraceMessage } from '../../engine/trace/message';

// The check language: declarative goals over the cluster's objects and the hops since a step
// began. Each check is one small object in a lesson file; lessons/README.md lists them with
// examples, and lessons/lesson.schema.json is their contract.

/** Which objects a count or field check looks at. */
export interface ObjectQuery {
  /** The Kind, as kubectl prints it: Pod, Node, Deployment, ReplicaSet, Event … */
  kind: string;
  /** "default" unless given; "*" for every namespace. Ignored for cluster-scoped kinds. */
  namespace?: string;
  /** A label selector, as kubectl -l takes it: "app=web", "tier in (web,api)". */
  selector?: string;
  /** A name, or a prefix ending in "*" ("web-*"). */
  name?: string;
  /** kubectl's STATUS text (Pods and Nodes): "Running", "Pending", "NotReady" …; a list means any. */
  status?: string | string[];
  /** The node a pod is bound to. */
  node?: string;
}

/** How a count is judged: at the end, or at its highest or lowest during the step. */
export type Measure = 'now' | 'max' | 'min';

/** A number of objects matching a query. */
export interface CountCheck {
  count: ObjectQuery;
  equals?: number;
  atLeast?: number;
  atMost?: number;
  measure?: Measure;
}

/** A Deployment's rollout is complete, as `kubectl rollout status` judges it. */
export interface RolloutCheck {
  rollout: { deployment: string; namespace?: string };
}

/** An Event with a reason was recorded during the step (optionally about one object). */
export interface EventCheck {
  event: { reason: string; kind?: string; name?: string; namespace?: string; message?: string };
}

/** A hop happened during the step. from/to may end in "*" ("kubelet/*"). */
export interface HopCheck {
  hop: {
    from?: string;
    to?: string;
    verb?: string;
    resource?: string;
    kind?: string;
    name?: string;
    /** A response's status code: 409 for a conflict. */
    code?: number;
  };
}

/** One field of one object has a value (a dotted path: "spec.unschedulable"). */
export interface FieldCheck {
  field: { kind: string; name: string; namespace?: string; path: string };
  equals: unknown;
}

/** The inner check does not hold. */
export interface NotCheck {
  not: Check;
}

/** At least one inner check holds. */
export interface AnyCheck {
  any: Check[];
}

/** Every inner check holds (for a predict choice that says two things). */
export interface AllCheck {
  all: Check[];
}

/** One goal; `description` replaces the generated wording in the player. */
export type Check = (
  | CountCheck
  | RolloutCheck
  | EventCheck
  | HopCheck
  | FieldCheck
  | NotCheck
  | AnyCheck
  | AllCheck
) & { description?: string };

/** A check's outcome: the goal in words, and when it fails, why. */
export interface CheckResult {
  ok: boolean;
  /** The goal in plain words ("3 Running pods with app=web"). */
  goal: string;
  /** Why it does not hold, pointing at the cause; empty when ok. */
  explanation: string;
}

/** What checks read: the cluster now, its history since the step began, and the hops since then. */
export interface ClusterView {
  /** Virtual ms now. */
  now: number;
  /** Returns the current objects of a kind. */
  list(kind: string): readonly KubeObject[];
  /** Returns the objects of a kind created or changed since the step began. */
  changed(kind: string): readonly KubeObject[];
  /** Returns the objects of a kind as they stood after each write since the step began (first: at its start). */
  states(kind: string): Iterable<readonly KubeObject[]>;
  /** Returns the hops sent since the step began. */
  hops(): Iterable<TraceMessage>;
}

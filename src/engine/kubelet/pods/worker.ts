import equal from 'fast-deep-equal';
import type { Pod, PodStatus } from '../../api/types';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import type { Co } from '../coroutine';
import { runCo } from '../coroutine';
import type { RuntimeContainer, Sandbox } from '../runtime/containerd';
import type { StartFailure } from './containerStatus';

// Pod workers (pkg/kubelet/pod_workers.go): one per pod, running at most one sync at a time. A
// change that arrives during a sync makes the worker sync again when it finishes; a failed sync
// asks to run again later ([LOOP2]), and any earlier sync replaces that retry.
//   [WORK1] a pod's own status coming back from the apiserver does not start a sync; spec,
//           labels, annotations and deletion do (podsDifferSemantically).

/** What the kubelet saw of a pod when a sync began (the pod cache): its status is made from it. */
export interface Observed {
  /** Copies of the pod's containers as they were. */
  containers: RuntimeContainer[];
  sandbox?: Pick<Sandbox, 'ip' | 'ready'>;
  /** Why starts failed, as of the previous sync (the reasonCache). */
  failures: ReadonlyMap<string, StartFailure>;
  /** The pod had no probe workers yet (its first sync in this run): its probes read as absent. */
  probesAbsent: boolean;
}

/** The kubelet's state for one pod: plain data, no actor ([SCALE1]). */
export interface PodWorker {
  uid: string;
  /** The pod as the informer last delivered it. */
  pod: Pod;
  admitted: boolean;
  rejected?: StartFailure;
  /** When the kubelet first handled the pod (status.startTime). */
  startTime?: string;
  /** Why the last sync could not start each container (reasonCache); made at the first failure. */
  failures?: Map<string, StartFailure>;
  /** The pod as of the start of its last sync. */
  observed?: Observed;
  syncing: boolean;
  again: boolean;
  requeue?: Timer;
  /** Stopping its containers is under way. */
  terminating: boolean;
  /** The grace period its containers were given when it began terminating. */
  gracePeriod?: number;
  /** Its containers and sandbox are stopped: the pod is terminal (podIsTerminal). */
  terminated: boolean;
  /** The kubelet has sent DELETE (grace 0) after the final status. */
  deleting: boolean;
  /** The pod object is gone from the apiserver. */
  gone: boolean;
  status: {
    scheduled: boolean;
    inFlight: boolean;
    pending: boolean;
    /** Send even if unchanged: the apiserver's copy drifted. */
    force: boolean;
    lastSent?: PodStatus;
  };
}

/** When a sync wants to run again. */
export interface SyncOutcome {
  /** Virtual time to sync again after a failed sync. */
  retryAt?: number;
}

/** Returns a fresh worker for a pod. */
export function newWorker(pod: Pod): PodWorker {
  // The fields every pod's worker gets are there from the start, so V8 holds them inside the
  // object; added later, they would go to an array of their own, one more per pod.
  return {
    uid: pod.metadata?.uid ?? '',
    pod,
    admitted: false,
    startTime: undefined,
    observed: undefined,
    syncing: false,
    again: false,
    requeue: undefined,
    terminating: false,
    terminated: false,
    deleting: false,
    gone: false,
    status: {
      scheduled: false,
      inFlight: false,
      pending: false,
      force: false,
      lastSent: undefined,
    },
  };
}

/** Reports whether an update changes what the kubelet must do. [WORK1] */
export function differsSemantically(old: Pod, next: Pod): boolean {
  const pick = (p: Pod): unknown => [
    p.spec,
    p.metadata?.labels,
    p.metadata?.annotations,
    p.metadata?.deletionTimestamp,
    p.metadata?.deletionGracePeriodSeconds,
  ];
  return !equal(pick(old), pick(next));
}

/** Serializes the syncs of every pod. */
export class PodWorkers {
  readonly byUid = new Map<string, PodWorker>();

  constructor(
    private readonly loop: EventLoop,
    private readonly sync: (w: PodWorker) => Co<SyncOutcome>,
    /** Returns a check that stays true while the current run of the kubelet lasts. */
    private readonly token: () => () => boolean,
  ) {}

  /** Asks for a sync of a pod now (or right after the one running). */
  trigger(w: PodWorker): void {
    if (w.syncing) {
      w.again = true;
      return;
    }
    w.requeue?.cancel();
    w.requeue = undefined;
    w.syncing = true;
    this.loop.schedule(0, () => this.run(w));
  }

  /** Forgets a pod entirely (its object is gone and its sandbox removed). */
  forget(w: PodWorker): void {
    w.requeue?.cancel();
    this.byUid.delete(w.uid);
  }

  /** Cancels every timer (the kubelet stopped) and forgets all pods. */
  clear(): void {
    for (const w of this.byUid.values()) w.requeue?.cancel();
    this.byUid.clear();
  }

  private run(w: PodWorker): void {
    const current = this.token();
    const alive = (): boolean => current() && this.byUid.get(w.uid) === w;
    if (!alive()) return;
    runCo(this.sync(w), alive, (outcome) => {
      w.syncing = false;
      if (w.again) {
        w.again = false;
        this.trigger(w);
        return;
      }
      if (outcome.retryAt !== undefined)
        w.requeue = this.loop.schedule(
          Math.max(0, outcome.retryAt - this.loop.now()),
          () => this.trigger(w),
          { background: true },
        );
    });
  }
}

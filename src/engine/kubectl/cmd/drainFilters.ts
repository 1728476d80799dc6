import { controllerOf } from '../../api/owners';
import type { Pod } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import { MIRROR_POD_ANNOTATION } from '../../apiserver/validation/pod';
import { parseTime } from '../../clock/time';
import type { Task } from '../../client/task';
import { request } from '../../client/task';

// Which pods on a node drain evicts (staging/src/k8s.io/kubectl/pkg/drain/filters.go). Filters
// run in order and stop at the first that keeps a pod; only the last status a pod got counts, so
// an earlier warning is dropped when a later filter says Okay, as upstream's TODO admits.

/** The error for DaemonSet pods without --ignore-daemonsets. */
export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
/** The warning for DaemonSet pods drain leaves in place. */
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
/** The error for pods with emptyDir volumes. */
export const LOCAL_STORAGE_FATAL =
  'Pods with local storage (use --delete-emptydir-data to override)';
/** The warning for pods with emptyDir volumes that drain deletes anyway. */
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
/** The error for pods without a controller; errors() adds a second "cannot delete" (v1.31). */
export const UNMANAGED_FATAL =
  'cannot delete Pods that declare no controller (use --force to override)';
/** The warning for pods without a controller that drain deletes anyway. */
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

/** What a filter decided about one pod. */
export interface PodDeleteStatus {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

/** The flags the filters read. */
export interface FilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
}

/** Decides about one pod; the DaemonSet filter asks the apiserver, so it is a task. */
export type PodFilter = (pod: Pod) => PodDeleteStatus | Task<PodDeleteStatus>;

const okay = (): PodDeleteStatus => ({ delete: true, reason: 'Okay' });
const skip = (): PodDeleteStatus => ({ delete: false, reason: 'Skip' });
const warning = (del: boolean, message: string): PodDeleteStatus => ({
  delete: del,
  reason: 'Warning',
  message,
});
const error = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

/** Returns the filters in drain's order: deleted, DaemonSet, mirror, local storage, unreplicated. */
export function makeFilters(opts: FilterOptions, now: () => number): PodFilter[] {
  const finished = (pod: Pod): boolean =>
    pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  return [
    function skipDeleted(pod) {
      return shouldSkipPod(pod, opts.skipWaitForDeleteTimeoutSeconds, now()) ? skip() : okay();
    },
    function* daemonSet(pod) {
      const ref = controllerOf(pod);
      if (ref?.kind !== 'DaemonSet' || finished(pod)) return okay();
      const namespace = pod.metadata?.namespace;
      const res = yield* request({
        verb: 'get',
        resource: 'daemonsets',
        namespace,
        name: ref.name,
      });
      if (res.error) {
        // A pod whose DaemonSet is gone is an orphan: --force removes it with a warning.
        const message = new StatusError(res.error).message;
        if (res.error.reason === 'NotFound' && opts.force) return warning(true, message);
        return error(message);
      }
      return opts.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : error(DAEMONSET_FATAL);
    },
    function mirrorPod(pod) {
      return pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? skip() : okay();
    },
    function localStorage(pod) {
      if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return okay();
      if (!opts.deleteEmptyDirData) return error(LOCAL_STORAGE_FATAL);
      return warning(true, LOCAL_STORAGE_WARNING);
    },
    function unreplicated(pod) {
      if (finished(pod) || controllerOf(pod)) return okay();
      return opts.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
    },
  ];
}

/** Reports whether a pod has been terminating longer than --skip-wait-for-delete-timeout. */
export function shouldSkipPod(pod: Pod, timeoutSeconds: number, now: number): boolean {
  const deleted = pod.metadata?.deletionTimestamp;
  if (timeoutSeconds <= 0 || !deleted) return false;
  return Math.trunc((now - parseTime(deleted)) / 1000) > timeoutSeconds;
}

/** The pods on a node with what the filters decided (drain.PodDeleteList). */
export class PodDeleteList {
  constructor(readonly items: readonly { pod: Pod; status: PodDeleteStatus }[]) {}

  /** Returns the pods to evict or delete. */
  pods(): Pod[] {
    return this.items.filter((i) => i.status.delete).map((i) => i.pod);
  }

  /** Returns the warnings, "message: ns/a, ns/b" joined by "; ". */
  warnings(): string {
    return grouped(this.items, 'Warning')
      .map(([message, pods]) => `${message}: ${pods}`)
      .join('; ');
  }

  /** Returns one "cannot delete …" message per kind of refusal. */
  errors(): string[] {
    return grouped(this.items, 'Error').map(
      ([message, pods]) => `cannot delete ${message}: ${pods}`,
    );
  }
}

// Upstream groups in a Go map, whose order varies run to run; first appearance keeps it stable.
function grouped(
  items: PodDeleteList['items'],
  reason: PodDeleteStatus['reason'],
): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const { pod, status } of items) {
    if (status.reason !== reason) continue;
    const key = status.message ?? '';
    const names = groups.get(key) ?? [];
    names.push(`${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`);
    groups.set(key, names);
  }
  return [...groups].map(([message, names]) => [message, names.join(', ')]);
}

/** Runs every pod through the filters, stopping at the first that keeps it. */
export function* filterPods(
  pods: readonly Pod[],
  filters: readonly PodFilter[],
): Task<PodDeleteList> {
  const items: { pod: Pod; status: PodDeleteStatus }[] = [];
  for (const pod of pods) {
    let status = okay();
    for (const filter of filters) {
      const decided = filter(pod);
      status = 'next' in decided ? yield* decided : decided;
      if (!status.delete) break;
    }
    items.push({ pod, status });
  }
  return new PodDeleteList(items);
}

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import type { Task } from '../../client/task';
import { rfc3339 } from '../../clock/time';
import type { FilterOptions, PodDeleteList } from './drainFilters';
import { filterPods, makeFilters, shouldSkipPod } from './drainFilters';

// The filters that need no apiserver (all but the DaemonSet one), run without an engine.

const NOW = 100_000;
const NONE: FilterOptions = {
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  skipWaitForDeleteTimeoutSeconds: 0,
};

function pod(name: string, extra: { owned?: boolean; phase?: string; emptyDir?: boolean } = {}) {
  const p: Pod = {
    metadata: { name, namespace: 'default' },
    spec: { containers: [], volumes: extra.emptyDir ? [{ name: 'v', emptyDir: {} }] : [] },
    status: { phase: extra.phase ?? 'Running' },
  };
  if (extra.owned)
    p.metadata!.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u', controller: true },
    ];
  return p;
}

// Runs a task that never waits for the apiserver.
function settle<T>(task: Task<T>): T {
  const step = task.next();
  if (!step.done) throw new Error('the filters asked the apiserver');
  return step.value;
}

function decide(pods: Pod[], opts: Partial<FilterOptions> = {}): PodDeleteList {
  return settle(
    filterPods(
      pods,
      makeFilters({ ...NONE, ...opts }, () => NOW),
    ),
  );
}

describe('drain filters (filters.go)', () => {
  it.each<[string, Pod, Partial<FilterOptions>, boolean, string]>([
    ['a ReplicaSet pod', pod('a', { owned: true }), {}, true, 'Okay'],
    ['an unmanaged pod', pod('a'), {}, false, 'Error'],
    ['an unmanaged pod with --force', pod('a'), { force: true }, true, 'Warning'],
    ['a finished unmanaged pod', pod('a', { phase: 'Succeeded' }), {}, true, 'Okay'],
    ['an emptyDir pod', pod('a', { owned: true, emptyDir: true }), {}, false, 'Error'],
    // The local-storage warning is dropped when the next filter says Okay.
    [
      'an emptyDir pod with --delete-emptydir-data',
      pod('a', { owned: true, emptyDir: true }),
      { deleteEmptyDirData: true },
      true,
      'Okay',
    ],
    ['a failed emptyDir pod', pod('a', { emptyDir: true, phase: 'Failed' }), {}, true, 'Okay'],
  ])('%s', (_what, p, opts, del, reason) => {
    expect(decide([p], opts).items[0]?.status).toMatchObject({ delete: del, reason });
  });

  it('skips mirror pods before looking at their controller', () => {
    const mirror = pod('static');
    mirror.metadata!.annotations = { 'kubernetes.io/config.mirror': 'hash' };
    expect(decide([mirror]).items[0]?.status).toEqual({ delete: false, reason: 'Skip' });
  });

  it('groups refusals and warnings by message, pods in list order', () => {
    const pods = [pod('a'), pod('b', { owned: true, emptyDir: true }), pod('c')];
    expect(decide(pods).errors()).toEqual([
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/a, default/c',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/b',
    ]);
    const forced = decide(pods, { force: true, deleteEmptyDirData: true });
    expect(forced.warnings()).toBe(
      'deleting Pods that declare no controller: default/a, default/c',
    );
    expect(forced.pods().map((p) => p.metadata?.name)).toEqual(['a', 'b', 'c']);
  });

  it('skips pods terminating longer than --skip-wait-for-delete-timeout', () => {
    const going = pod('a', { owned: true });
    going.metadata!.deletionTimestamp = rfc3339(NOW - 5000);
    expect(shouldSkipPod(going, 4, NOW)).toBe(true);
    expect(shouldSkipPod(going, 5, NOW)).toBe(false);
    expect(shouldSkipPod(going, 0, NOW)).toBe(false);
    expect(decide([going], { skipWaitForDeleteTimeoutSeconds: 4 }).pods()).toEqual([]);
  });
});

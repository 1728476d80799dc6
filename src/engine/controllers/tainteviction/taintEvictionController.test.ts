import { describe, expect, it } from 'vitest';
import type { Toleration } from '../../api/types';
import { Engine } from '../../engine';
import { sh } from '../../kubectl/testing';
import { eventsFor, getPod, runPod } from '../../kubelet/testing';
import { createTaintEvictionController } from './taintEvictionController';

const S = 1000;

/** An engine with only this controller and node-1, without a kubelet: evicted pods stay Terminating. */
function cluster(): Engine {
  const e = new Engine({ nodes: [] }, [createTaintEvictionController]);
  const res = e.request('test', {
    verb: 'create',
    resource: 'nodes',
    body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } },
  });
  if (res.error) throw new Error(res.error.message);
  return e;
}

/** Creates a pod bound to node-1; the apiserver adds the 300 s default tolerations. */
function bound(e: Engine, name: string, tolerations: Toleration[] = []): void {
  runPod(e, {
    metadata: { name },
    spec: { tolerations, containers: [{ name: 'app', image: 'nginx' }] },
  });
  e.runUntilIdle();
}

const deleting = (e: Engine, name: string): boolean =>
  getPod(e, name)?.metadata?.deletionTimestamp !== undefined;

const taint = (e: Engine, spec: string): void => {
  expect(sh(e, `kubectl taint nodes node-1 ${spec}`).exitCode).toBe(0);
  e.runUntilIdle();
};

describe('taint eviction controller', () => {
  it('deletes at once a pod not tolerating a NoExecute taint, marking it DisruptionTarget', () => {
    const e = cluster();
    bound(e, 'web');
    taint(e, 'dedicated=db:NoExecute');
    const evicted = getPod(e, 'web');
    expect(evicted?.metadata?.deletionTimestamp).toBeDefined();
    expect(evicted?.metadata?.deletionGracePeriodSeconds).toBe(30);
    expect(evicted?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(eventsFor(e, 'web')).toEqual([
      'TaintManagerEviction: Marking for deletion Pod default/web',
    ]);
  });

  it('[TE2] deletes a pod when its tolerationSeconds run out, counted from when the taint was seen', () => {
    const e = cluster();
    bound(e, 'patient', [
      { key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
    ]);
    taint(e, 'dedicated=db:NoExecute');
    e.runFor(60 * S - 1);
    expect(deleting(e, 'patient')).toBe(false);
    // The deadline fires the GET, PATCH and DELETE, each a round trip of a few ms.
    e.runFor(100);
    expect(deleting(e, 'patient')).toBe(true);
  });

  it('gives ordinary pods the 300 s of DefaultTolerationSeconds for unreachable', () => {
    const e = cluster();
    bound(e, 'web');
    taint(e, 'node.kubernetes.io/unreachable:NoExecute');
    e.runFor(300 * S - 1);
    expect(deleting(e, 'web')).toBe(false);
    e.runFor(100);
    expect(deleting(e, 'web')).toBe(true);
  });

  it('leaves pods that tolerate the taint forever', () => {
    const e = cluster();
    bound(e, 'agent', [{ operator: 'Exists' }]);
    taint(e, 'dedicated=db:NoExecute');
    e.runFor(3600 * S);
    expect(deleting(e, 'agent')).toBe(false);
    expect(eventsFor(e, 'agent')).toEqual([]);
  });

  it('[TE3] cancels a scheduled deletion when the taint goes, and says so', () => {
    const e = cluster();
    bound(e, 'web');
    taint(e, 'node.kubernetes.io/unreachable:NoExecute');
    e.runFor(100 * S);
    taint(e, 'node.kubernetes.io/unreachable:NoExecute-');
    e.runFor(600 * S);
    expect(deleting(e, 'web')).toBe(false);
    expect(eventsFor(e, 'web')).toEqual([
      'TaintManagerEviction: Cancelling deletion of Pod default/web',
    ]);
  });

  it('[TE1] evicts a pod bound to a node that already has the taint', () => {
    const e = cluster();
    taint(e, 'dedicated=db:NoExecute');
    bound(e, 'late');
    expect(deleting(e, 'late')).toBe(true);
  });

  it('[TE2] keeps the earlier deadline when another tolerated taint arrives', () => {
    const e = cluster();
    bound(e, 'web');
    taint(e, 'node.kubernetes.io/unreachable:NoExecute');
    e.runFor(200 * S);
    taint(e, 'node.kubernetes.io/not-ready:NoExecute');
    e.runFor(100 * S);
    expect(deleting(e, 'web')).toBe(true);
  });
});

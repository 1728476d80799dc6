import type { KubeObject } from '../api/object';
import type { ContainerStatus, Event, Pod } from '../api/types';
import { defaultNode } from '../cluster';
import { Engine } from '../engine';
import { podTable } from '../kubectl/printers/pod';
import type { TraceMessage } from '../trace/message';
import { createKubelet } from './kubelet';
import type { Kubelet } from './kubelet';

// Helpers for the kubelet's tests: a one-node cluster whose pods the test binds itself (the
// scheduler is someone else's), and readers for pods and events.

/** A one-node engine with its kubelet. */
export function kubeletEngine(): { engine: Engine; kubelet: Kubelet } {
  const engine = new Engine({ nodes: [defaultNode('node-1')] }, [
    (e) => createKubelet(e, e.config.nodes[0] ?? defaultNode('node-1')),
  ]);
  const kubelet = engine.component('kubelet/node-1') as Kubelet;
  return { engine, kubelet };
}

/** Creates a pod and binds it to node-1; returns its uid. */
export function runPod(engine: Engine, pod: Pod): string {
  const name = pod.metadata?.name ?? '';
  const res = engine.request('test', {
    verb: 'create',
    resource: 'pods',
    namespace: 'default',
    body: { apiVersion: 'v1', kind: 'Pod', ...pod },
  });
  if (res.error) throw new Error(res.error.message);
  const bind = engine.request('test', {
    verb: 'create',
    resource: 'pods',
    subresource: 'binding',
    namespace: 'default',
    name,
    body: {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name },
      target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' },
    },
  });
  if (bind.error) throw new Error(bind.error.message);
  return (res.body as KubeObject).metadata?.uid ?? '';
}

/** Deletes a pod as kubectl delete [--grace-period=N] would; returns when the DELETE was sent. */
export function deletePod(engine: Engine, name: string, gracePeriodSeconds?: number): number {
  const sent = engine.loop.now();
  engine.request('test', {
    verb: 'delete',
    resource: 'pods',
    namespace: 'default',
    name,
    gracePeriodSeconds,
  });
  return sent;
}

/** Returns a pod as the apiserver has it (undefined once deleted). */
export function getPod(engine: Engine, name: string): Pod | undefined {
  const res = engine.request('test', { verb: 'get', resource: 'pods', namespace: 'default', name });
  return res.error ? undefined : (res.body as Pod);
}

/** Returns "reason: message" of every event the kubelet posted about an object, in order. */
export function eventsFor(engine: Engine, name: string): string[] {
  return engine.trace
    .all()
    .filter((m) => m.type === 'request' && m.resource === 'events' && m.verb === 'POST')
    .map((m) => (m.body as { body: Event }).body)
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}

/** Returns the virtual times at which the kubelet sent a CRI call. */
export function criTimes(engine: Engine, verb: string): number[] {
  return engine.trace
    .all()
    .filter((m) => m.type === 'cri' && m.verb === verb && m.from.startsWith('kubelet/'))
    .map((m) => m.t);
}

/** A pod with one container. */
export function pod(
  name: string,
  container: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): Pod {
  return {
    metadata: { name },
    spec: { containers: [{ name: 'app', ...container }], ...spec },
  } as Pod;
}

/** The container state of every status the kubelet PATCHed for a pod, in order. */
export function states(engine: Engine, name: string): string[] {
  return engine.trace
    .all()
    .filter((m) => m.type === 'request' && m.resource === 'pods/status' && m.name === name)
    .map((m) => {
      const status = (m.body as { body: { status: { containerStatuses?: ContainerStatus[] } } })
        .body.status;
      const s = status.containerStatuses?.[0]?.state ?? {};
      const [kind, detail] = Object.entries(s)[0] ?? ['?', {}];
      return `${kind}${(detail as { reason?: string }).reason ? `:${(detail as { reason?: string }).reason}` : ''}`;
    });
}

/**
 * Returns what `kubectl get pod -w` shows after each status the kubelet wrote, as
 * "<virtual ms> <READY> <STATUS> <RESTARTS>", leaving out writes that change none of them.
 */
export function watchPod(engine: Engine, name: string): string[] {
  const lines: string[] = [];
  let last = '';
  for (const m of engine.trace.all()) {
    if (m.type !== 'response' || m.resource !== 'pods/status' || m.name !== name) continue;
    if (m.code !== 200) continue;
    const [, ready, status, restarts] = podTable.row(m.body as Pod, m.t);
    const line = `${ready} ${status} ${restarts}`;
    if (line !== last) lines.push(`${m.t} ${line}`);
    last = line;
  }
  return lines;
}

/** Returns the virtual times at which the kubelet reported an event with this reason about a pod. */
export function eventTimes(engine: Engine, name: string, reason: string): number[] {
  const ours = new Set<string>();
  const times: number[] = [];
  for (const m of engine.trace.all()) {
    if (m.type !== 'request' || m.resource !== 'events') continue;
    if (m.verb === 'POST') {
      const e = (m.body as { body: Event }).body;
      if (e.involvedObject.name !== name || e.reason !== reason) continue;
      ours.add(e.metadata?.name ?? '');
      times.push(m.t);
    } else if (m.verb === 'PATCH' && ours.has(m.name ?? '')) times.push(m.t);
  }
  return times;
}

/** Returns the requests kubelet/node-1 sent with this verb to resource (e.g. "nodes/status"). */
export function kubeletRequests(
  engine: Engine,
  resource: string,
  verb: string,
  since = 0,
): TraceMessage[] {
  return engine.trace
    .all()
    .filter(
      (m) =>
        m.from === 'kubelet/node-1' &&
        m.type === 'request' &&
        m.resource === resource &&
        m.verb === verb &&
        m.t >= since,
    );
}

/** Steps to the kubelet's next such request and loses it on the way; returns when it was sent. */
export function loseNextRequest(engine: Engine, resource: string, verb: string): number {
  const since = engine.loop.now();
  while (kubeletRequests(engine, resource, verb, since).length === 0)
    if (!engine.loop.step()) throw new Error(`no ${verb} ${resource} was sent`);
  // Cut off until it has arrived: nothing arrives while a component is partitioned. [CLI2]
  engine.setReachable('kubelet/node-1', false);
  engine.runFor(1);
  engine.setReachable('kubelet/node-1', true);
  return kubeletRequests(engine, resource, verb, since)[0]?.t ?? -1;
}

/** Writes a pod's Ready condition False, as the node lifecycle controller does. */
export function markPodNotReady(engine: Engine, name: string): void {
  const p = getPod(engine, name);
  const conditions = (p?.status?.conditions ?? []).map((c) =>
    c.type === 'Ready' ? { ...c, status: 'False' } : c,
  );
  engine.request('test', {
    verb: 'update',
    resource: 'pods',
    subresource: 'status',
    namespace: 'default',
    name,
    body: { ...p, status: { ...p?.status, conditions } },
  });
}

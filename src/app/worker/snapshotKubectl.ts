import { matchesFields, parseFieldSelector } from '../../engine/api/fields';
import { matches, parseSelector } from '../../engine/api/labels';
import type { StoredObject } from '../../engine/api/object';
import {
  qualifiedResource,
  resourceByName,
  storageKey,
  storagePrefix,
} from '../../engine/api/resources';
import { methodNotAllowed, notFound, StatusError } from '../../engine/apiserver/errors';
import { strategyFor } from '../../engine/apiserver/registry';
import type { ApiRequest, ApiResponse } from '../../engine/apiserver/types';
import type { Effect, Task } from '../../engine/client/task';
import { kubectl } from '../../engine/kubectl';
import type { MvccStore } from '../../engine/store/mvcc';
import type { EtcdRevision } from './protocol';

// Read-only kubectl (describe, get) answered from the store as it stood at an old revision, with
// no hop sent: the inspector shows `kubectl describe` as of the playhead without changing the
// session. Only reads are answered; anything else is refused.

/** The store as of one revision: the keys that existed then, read at that revision. */
export interface StoreAt {
  store: MvccStore<StoredObject>;
  rev: number;
  revisions: readonly EtcdRevision[];
}

/** Runs a read-only kubectl line against the store at a revision; returns what it printed. */
export function kubectlAt(line: string, at: StoreAt, now: number): string {
  const result = drive(kubectl(line, { now: () => now, readFile: () => undefined }), at);
  return result.output.map((o) => o.text).join('');
}

function drive<T>(task: Task<T>, at: StoreAt): T {
  let step = task.next();
  while (!step.done) step = task.next(answer(step.value, at));
  return step.value;
}

function answer(effect: Effect, at: StoreAt): unknown {
  switch (effect.type) {
    case 'call':
      return respond(effect.req, at);
    case 'all':
      return effect.tasks.map((t) => {
        try {
          return { ok: true, value: drive(t, at) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    default:
      return undefined;
  }
}

function respond(req: ApiRequest, at: StoreAt): ApiResponse {
  const info = resourceByName(req.resource);
  if (!info || (req.verb !== 'get' && req.verb !== 'list'))
    return { code: 405, error: methodNotAllowed('the inspector only reads').status };
  try {
    if (req.verb === 'get') {
      const obj = read(storageKey(info, req.namespace, req.name ?? ''), at);
      if (!obj) throw notFound(qualifiedResource(info), req.name ?? '');
      return { code: 200, body: obj };
    }
    const prefix = storagePrefix(info, req.namespace);
    const labels = parseSelector(req.labelSelector ?? '');
    const fields = parseFieldSelector(req.fieldSelector ?? '');
    const strategy = strategyFor(info.resource);
    const keys = new Set(
      at.revisions.filter((r) => r.rev <= at.rev && r.key.startsWith(prefix)).map((r) => r.key),
    );
    const items = [...keys]
      .map((k) => read(k, at))
      .filter((o): o is StoredObject => o !== undefined)
      .filter(
        (o) =>
          matches(labels, o.metadata.labels ?? {}) &&
          matchesFields(fields, strategy.selectableFields(o)),
      );
    return {
      code: 200,
      body: {
        apiVersion: 'v1',
        kind: `${info.kind}List`,
        metadata: { resourceVersion: String(at.rev) },
        items,
      },
    };
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, error: e.status };
    throw e;
  }
}

function read(key: string, at: StoreAt): StoredObject | undefined {
  return at.store.get(key, at.rev)?.value;
}

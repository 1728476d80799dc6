import type { Status } from '../api/types';
import type { KubeObject } from '../api/object';
import type { ErrorStatus } from './errors';

/** The API verbs, as RBAC and audit logs name them. */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

/** How a PATCH body is interpreted (the Content-Type kubectl sends). */
export type PatchType = 'merge' | 'strategic' | 'json';

/** How a delete treats the object's dependents. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** One REST call to the apiserver. */
export interface ApiRequest {
  verb: Verb;
  /** The resource's REST name, e.g. "pods". */
  resource: string;
  subresource?: 'status' | 'binding' | 'eviction' | 'finalize' | 'scale';
  namespace?: string;
  name?: string;
  body?: unknown;
  patchType?: PatchType;
  labelSelector?: string;
  fieldSelector?: string;
  /** For list/watch: where to start. "0" lists from the watch cache. */
  resourceVersion?: string;
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** For delete: refuse with 409 unless the object still has this uid / resourceVersion. */
  preconditions?: { uid?: string; resourceVersion?: string };
  /** Field manager recorded in managedFields' stead; informational. */
  fieldManager?: string;
  dryRun?: boolean;
}

/** A list as the apiserver returns it. */
export interface ObjectList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: KubeObject[];
}

/** The apiserver's answer: a status code and an object, a list, or a Status. */
export interface ApiResponse {
  code: number;
  body?: KubeObject | ObjectList;
  error?: ErrorStatus;
}

/** One event on a watch stream. */
export type WatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: KubeObject }
  | { type: 'ERROR'; object: Status };

/** HTTP method for a verb, as the trace labels requests. */
export function httpMethod(req: ApiRequest): string {
  switch (req.verb) {
    case 'get':
      return 'GET';
    case 'list':
      return 'LIST';
    case 'watch':
      return 'WATCH';
    case 'create':
      return 'POST';
    case 'update':
      return 'PUT';
    case 'patch':
      return 'PATCH';
    case 'delete':
      return 'DELETE';
  }
}

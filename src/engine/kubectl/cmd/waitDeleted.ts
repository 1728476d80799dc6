import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request, watchUntil } from '../../client/task';
import { KubectlError } from '../errors';
import type { Info } from '../resource/info';
import type { CommandContext } from './context';

// wait.IsDeleted (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go): an object is gone when a GET
// answers NotFound or finds a new UID; otherwise watch it by name until DELETED or the timeout.

/** The error when a wait runs out of time (wait.ErrWaitTimeout, extended with the object). */
export const TIMED_OUT = (info: Info): string =>
  `timed out waiting for the condition on ${info.resource.resource}/${info.name}`;

/** Waits until an object is deleted; throws KubectlError on timeout. */
export function* waitForDeletion(
  _ctx: CommandContext,
  info: Info,
  uid: string | undefined,
  timeoutMs: number,
): Task<void> {
  const res = yield* request({
    verb: 'get',
    resource: info.resource.resource,
    namespace: info.namespace,
    name: info.name,
  });
  if (res.error?.reason === 'NotFound') return;
  if (res.error) throw new StatusError(res.error);
  const current = res.body as { metadata?: { uid?: string; resourceVersion?: string } };
  if (uid && current.metadata?.uid !== uid) return;
  if (timeoutMs <= 0)
    throw new KubectlError(`condition not met for ${info.resource.resource}/${info.name}`);
  const event = yield* watchUntil(
    {
      verb: 'watch',
      resource: info.resource.resource,
      namespace: info.namespace,
      fieldSelector: `metadata.name=${info.name}`,
      resourceVersion: current.metadata?.resourceVersion,
    },
    (e) => e.type === 'DELETED',
    timeoutMs,
  );
  if (!event) throw new KubectlError(TIMED_OUT(info));
}

import type { ApiRequest, ApiResponse } from '../apiserver/types';
import type { Pod } from '../api/types';
import type { SimCommand } from './command';
import { fail, misuse, ok, parseArgs } from './command';

// Force deletion, as `kubectl delete pod --grace-period=0 --force` does it: the apiserver removes
// the object at once, without waiting for the kubelet to stop anything. The kubelet only learns of
// it from its watch, and then kills the containers that were still running.

const USAGE = 'sim pod delete-force POD [-n NAMESPACE]';

/** The `sim pod` commands. */
export const podCommands: Record<string, SimCommand> = {
  'pod delete-force': {
    usage: USAGE,
    help: 'Remove a pod from the apiserver at once (grace period 0) without waiting for its kubelet, which kills its containers later.',
    run(engine, args, line) {
      const parsed = parseArgs(args);
      if ('error' in parsed) return misuse(USAGE, parsed.error);
      const { positional, namespace } = parsed;
      if (positional.length === 0) return misuse(USAGE, 'a pod name is required');
      if (positional.length > 1) return misuse(USAGE, `unexpected argument "${positional[1]}"`);
      const name = positional[0] as string;
      const client = engine.client('kubectl');
      client.command = line;
      let res: ApiResponse;
      try {
        const req: ApiRequest = {
          verb: 'delete',
          resource: 'pods',
          namespace,
          name,
          gracePeriodSeconds: 0,
        };
        res = engine.request('kubectl', req);
      } finally {
        client.command = undefined;
      }
      if (res.error) return fail(res.error.message);
      const pod = res.body as Pod;
      const finalizers = pod.metadata?.finalizers ?? [];
      // With finalizers the apiserver can only mark it; it goes once they are removed.
      if (res.code === 202)
        return ok(
          `pod/${name} marked for deletion; it stays until its finalizers are removed: ${finalizers.join(', ')}`,
        );
      const node = pod.spec?.nodeName;
      return ok(
        node
          ? `pod/${name} force deleted: gone from the apiserver at once; kubelet/${node} has not stopped its containers yet`
          : `pod/${name} force deleted: gone from the apiserver at once; it was not bound to a node`,
      );
    },
  },
};

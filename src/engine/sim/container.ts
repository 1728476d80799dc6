import { resourceByName, storageKey } from '../api/resources';
import type { Pod } from '../api/types';
import type { SimCommand } from './command';
import { fail, misuse, ok, parseArgs } from './command';

// Killing a container from outside, as a crashed process or `kill -9` on the node would.

/** Something that can kill a running container, as a crashed process or `kill -9` would. */
export interface ContainerKiller {
  /** Kills a running container of a pod on this node; returns an error message if impossible. */
  killContainer(namespace: string, pod: string, container: string | undefined): string | undefined;
}

const USAGE = 'sim container kill POD [CONTAINER] [-n NAMESPACE]';

/** The `sim container` commands. */
export const containerCommands: Record<string, SimCommand> = {
  'container kill': {
    usage: USAGE,
    help: 'Kill a running container with SIGKILL (exit code 137); the kubelet restarts it per restartPolicy.',
    run(engine, args) {
      const parsed = parseArgs(args);
      if ('error' in parsed) return misuse(USAGE, parsed.error);
      const { positional, namespace } = parsed;
      const [podName, container] = positional;
      if (!podName) return misuse(USAGE, 'a pod name is required');
      if (positional.length > 2) return misuse(USAGE, `unexpected argument "${positional[2]}"`);
      const info = resourceByName('pods');
      const pod = info
        ? (engine.store.get(storageKey(info, namespace, podName))?.value as Pod | undefined)
        : undefined;
      if (!pod) return fail(`pods "${podName}" not found`);
      const node = pod.spec?.nodeName;
      if (!node) return fail(`pod "${podName}" is not running on any node`);
      const kubelet = engine.component(`kubelet/${node}`) as unknown as
        Partial<ContainerKiller> | undefined;
      if (!kubelet?.killContainer) return fail(`node "${node}" has no kubelet`);
      const err = kubelet.killContainer(namespace, podName, container);
      if (err) return fail(err);
      return ok(
        `killed container ${container ?? pod.spec?.containers[0]?.name ?? ''} of pod ${podName} on ${node} (SIGKILL)`,
      );
    },
  },
};

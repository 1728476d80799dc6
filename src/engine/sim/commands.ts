import { storageKey, resourceByName } from '../api/resources';
import type { Pod } from '../api/types';
import type { Engine } from '../engine';

// The `sim` commands: what an instructor does to the simulated world from outside the cluster
// (power off a node, kill a process). They act directly on components, like pulling a plug, and
// print one line saying what happened.

/** Something that can kill a running container, as a crashed process or `kill -9` would. */
export interface ContainerKiller {
  /** Kills a running container of a pod on this node; returns an error message if impossible. */
  killContainer(namespace: string, pod: string, container: string | undefined): string | undefined;
}

/** One sim command. */
export interface SimCommand {
  usage: string;
  help: string;
  run(engine: Engine, args: string[]): SimResult;
}

/** What a sim command prints, and whether it failed. */
export interface SimResult {
  text: string;
  ok: boolean;
}

const ok = (text: string): SimResult => ({ text, ok: true });
const fail = (text: string): SimResult => ({ text: `error: ${text}`, ok: false });

function kubeletOf(engine: Engine, node: string | undefined): SimResult | { name: string } {
  if (!node) return fail('a node name is required');
  const name = `kubelet/${node}`;
  if (!engine.component(name)) return fail(`node "${node}" not found`);
  return { name };
}

const commands: Record<string, SimCommand> = {
  'node stop': {
    usage: 'sim node stop NAME',
    help: "Stop the node's kubelet: heartbeats and status updates stop; running containers keep running.",
    run(engine, [node]) {
      const k = kubeletOf(engine, node);
      if ('ok' in k) return k;
      engine.component(k.name)?.stop();
      return ok(`node/${node} stopped: its kubelet no longer renews its Lease or reports status`);
    },
  },
  'node start': {
    usage: 'sim node start NAME',
    help: "Start the node's kubelet again: it re-registers, resumes heartbeats and resyncs its pods.",
    run(engine, [node]) {
      const k = kubeletOf(engine, node);
      if ('ok' in k) return k;
      engine.component(k.name)?.start();
      return ok(`node/${node} started`);
    },
  },
  'container kill': {
    usage: 'sim container kill POD [CONTAINER] [-n NAMESPACE]',
    help: 'Kill a running container with SIGKILL (exit code 137); the kubelet restarts it per restartPolicy.',
    run(engine, args) {
      const { positional, namespace } = namespaceFlag(args);
      const [podName, container] = positional;
      if (!podName) return fail('a pod name is required');
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

function namespaceFlag(args: string[]): { positional: string[]; namespace: string } {
  const positional: string[] = [];
  let namespace = 'default';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n' || a === '--namespace') namespace = args[++i] ?? namespace;
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else positional.push(a);
  }
  return { positional, namespace };
}

/** Returns the help text listing every sim command. */
export function simHelp(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}   ${c.help}`);
  return [
    'Fault injection for the simulated cluster:',
    '',
    ...lines,
    `  ${'sim help'.padEnd(width)}   Show this list.`,
  ].join('\n');
}

/** Runs one sim command line ("sim node stop node-1"). */
export function runSim(engine: Engine, line: string): SimResult {
  const words = line.trim().split(/\s+/).slice(1);
  if (words.length === 0 || words[0] === 'help') return ok(simHelp());
  const key = `${words[0]} ${words[1] ?? ''}`.trim();
  const cmd = commands[key];
  if (!cmd) return fail(`unknown command "${words.join(' ')}"; run "sim help" for the list`);
  return cmd.run(engine, words.slice(2));
}

import type { Engine } from '../engine';
import type { SimCommand, SimResult } from './command';
import { kubeletOf, misuse, ok } from './command';
import { startComponent, stopComponent } from './component';

// Faults of a whole node: its kubelet process stops, or the node loses its network path to the
// apiserver. Containers are local to the node (containerd/<node>) and keep running in both.

/** Runs act on the kubelet of the one node named in args. */
function onNode(
  usage: string,
  act: (engine: Engine, node: string, kubelet: string) => SimResult,
): SimCommand['run'] {
  return (engine, args) => {
    if (args.length === 0) return misuse(usage, 'a node name is required');
    if (args.length > 1) return misuse(usage, `unexpected argument "${args[1] ?? ''}"`);
    const node = args[0] as string;
    const kubelet = kubeletOf(engine, node);
    return typeof kubelet === 'string' ? act(engine, node, kubelet) : kubelet;
  };
}

function partition(engine: Engine, node: string, kubelet: string): SimResult {
  if (!engine.client(kubelet).isReachable()) return ok(`node/${node} is already partitioned`);
  engine.setReachable(kubelet, false);
  return ok(
    `node/${node} partitioned: ${kubelet} cannot reach the apiserver (requests time out, watches break); its containers keep running`,
  );
}

function heal(engine: Engine, node: string, kubelet: string): SimResult {
  if (engine.client(kubelet).isReachable()) return ok(`node/${node} is not partitioned`);
  engine.setReachable(kubelet, true);
  return ok(
    `node/${node} healed: ${kubelet} reaches the apiserver again; its next retries succeed`,
  );
}

/** The `sim node` and `sim partition` commands. */
export const nodeCommands: Record<string, SimCommand> = {
  'node stop': {
    usage: 'sim node stop NAME',
    help: "Stop the node's kubelet: heartbeats and status updates stop; running containers keep running.",
    run: onNode('sim node stop NAME', (engine, _node, kubelet) => stopComponent(engine, kubelet)),
  },
  'node start': {
    usage: 'sim node start NAME',
    help: "Start the node's kubelet again: it re-registers, resumes heartbeats and resyncs its pods.",
    run: onNode('sim node start NAME', (engine, _node, kubelet) => startComponent(engine, kubelet)),
  },
  partition: {
    usage: 'sim partition NAME',
    help: "Cut the node off from the apiserver: the kubelet's requests time out after 10s and its watches break; containers keep running.",
    run: onNode('sim partition NAME', partition),
  },
  'partition heal': {
    usage: 'sim partition heal NAME',
    help: 'Reconnect a partitioned node: the kubelet renews its Lease again and re-lists its pods.',
    run: onNode('sim partition heal NAME', heal),
  },
};

import { defaultNodes } from '../cluster';
import type { Engine } from '../engine';
import type { Kubelet } from '../kubelet';
import { createSimulation, outputText, runKubectl } from '../simulation';
import { runSim } from './commands';

// Helpers for the sim commands' tests: a whole cluster, and one-liners to drive it.

/** Builds a running cluster with n worker nodes. */
export function cluster(n = 2): Engine {
  return createSimulation({ nodes: defaultNodes(n) });
}

/** Runs a sim command line and returns what it printed. */
export function sim(e: Engine, line: string): string {
  return runSim(e, line).text;
}

/** Runs a kubectl command line and returns what it printed. */
export function kubectl(e: Engine, line: string): string {
  return outputText(runKubectl(e, line));
}

/** Returns "pod/container" for every container running on a node, as containerd sees it. */
export function runningOn(e: Engine, node: string): string[] {
  const runtime = (e.component(`kubelet/${node}`) as Kubelet).runtime;
  const pods = new Map([...runtime.sandboxes.values()].map((s) => [s.podUid, s.name]));
  return [...runtime.containers.values()]
    .filter((c) => c.state === 'running')
    .map((c) => `${pods.get(c.podUid) ?? '?'}/${c.name}`)
    .sort();
}

/** Returns the renewTime of a node's Lease. */
export function renewTime(e: Engine, node: string): string {
  const res = e.request('kubectl', {
    verb: 'get',
    resource: 'leases',
    namespace: 'kube-node-lease',
    name: node,
  });
  return (res.body as { spec?: { renewTime?: string } }).spec?.renewTime ?? '';
}

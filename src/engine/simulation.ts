import type { ClusterConfig } from './cluster';
import { clusterConfig } from './cluster';
import { CONTROLLERS } from './controllers/registry';
import { Engine } from './engine';
import type { ComponentFactory } from './engine';
import type { KubectlResult } from './kubectl';
import { kubectl } from './kubectl';
import { createKubelet } from './kubelet';
import { createScheduler } from './scheduler';

/** Builds a running cluster: apiserver, etcd, controllers, scheduler, and a kubelet per node. */
export function createSimulation(partial: Partial<ClusterConfig> = {}): Engine {
  const config = clusterConfig(partial);
  const factories: ComponentFactory[] = [
    ...Object.values(CONTROLLERS),
    (e) => createScheduler(e, config.scheduler),
    ...config.nodes.map(
      (spec): ComponentFactory =>
        (e) =>
          createKubelet(e, spec),
    ),
  ];
  return new Engine(config, factories);
}

/** What kubectl may read besides the cluster: files named by -f, and stdin for -f -. */
export interface KubectlInput {
  stdin?: string;
  readFile?(path: string): string | undefined;
}

/** Runs one kubectl command line to completion in virtual time and returns what it printed. */
export function runKubectl(engine: Engine, line: string, input: KubectlInput = {}): KubectlResult {
  const client = engine.client('kubectl');
  client.command = line;
  try {
    return engine.run(
      'kubectl',
      kubectl(line, {
        now: () => engine.loop.now(),
        readFile: (path) => input.readFile?.(path),
        stdin: input.stdin,
      }),
    );
  } catch (e) {
    // A command that cannot finish (it waited past the engine's horizon) still answers in words.
    const message = e instanceof Error ? e.message : String(e);
    return { output: [{ stream: 'stderr', text: `error: ${message}\n` }], exitCode: 1 };
  } finally {
    client.command = undefined;
  }
}

/** Joins kubectl's output streams in the order a terminal shows them. */
export function outputText(result: KubectlResult): string {
  return result.output.map((o) => o.text).join('');
}

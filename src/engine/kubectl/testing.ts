import { Engine } from '../engine';
import type { KubectlResult } from './index';
import { kubectl } from './index';

// A terminal for tests: run command lines against an Engine and read what each stream printed.

/** What one command printed. */
export interface Ran {
  stdout: string;
  stderr: string;
  exitCode: number;
  result: KubectlResult;
}

/** Builds an engine with no nodes and no controllers (pods stay Pending). */
export function emptyCluster(): Engine {
  return new Engine({ nodes: [] });
}

/** Runs one command line as the kubectl client and drives virtual time until it finishes. */
export function sh(
  engine: Engine,
  line: string,
  files: Record<string, string> = {},
  stdin?: string,
): Ran {
  const result = engine.run(
    'kubectl',
    kubectl(line, { now: () => engine.loop.now(), readFile: (p) => files[p], stdin }),
  );
  const text = (stream: 'stdout' | 'stderr'): string =>
    result.output
      .filter((o) => o.stream === stream)
      .map((o) => o.text)
      .join('');
  return { stdout: text('stdout'), stderr: text('stderr'), exitCode: result.exitCode, result };
}

/** Schedules a status write a controller would make, at virtual time `at`, while kubectl waits. */
export function setStatusLater(
  e: Engine,
  at: number,
  resource: string,
  name: string,
  status: Record<string, unknown>,
): void {
  e.loop.schedule(at, () => {
    const client = e.client('controller');
    client.request({ verb: 'get', resource, namespace: 'default', name }, (res) => {
      const obj = JSON.parse(JSON.stringify(res.body)) as Record<string, unknown>;
      obj.status = { ...(obj.status as object), ...status };
      client.request(
        { verb: 'update', resource, subresource: 'status', namespace: 'default', name, body: obj },
        () => {},
      );
    });
  });
}

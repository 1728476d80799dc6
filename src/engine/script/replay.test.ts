import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultNodes } from '../cluster';
import { createSimulation } from '../simulation';
import { toJsonLine } from '../trace/message';
import { runScript } from './run';

// [REPLAY1] The same seed and script give byte-identical transcripts and traces.

const name = fc.constantFrom('web', 'api', 'db', 'cache');
const image = fc.constantFrom('nginx', 'redis:7', 'busybox', 'httpd:2.4', 'no-such-image');
const command = fc.oneof(
  fc.tuple(name, image).map(([n, i]) => `kubectl run ${n} --image=${i}`),
  fc
    .tuple(name, fc.integer({ min: 1, max: 4 }))
    .map(([n, r]) => `kubectl create deployment ${n} --image=nginx --replicas=${r}`),
  name.map((n) => `kubectl delete pod ${n} --wait=false`),
  fc
    .tuple(name, fc.constantFrom('tier=fe', 'tier=be', 'tier-'))
    .map(([n, l]) => `kubectl label pod ${n} ${l} --overwrite`),
  fc.constantFrom(
    'kubectl get pods',
    'kubectl get pods -o wide',
    'kubectl get nodes',
    'kubectl get events',
  ),
  fc.integer({ min: 1, max: 90 }).map((s) => `sleep ${s}s`),
  fc.constantFrom('sim node stop node-2', 'sim node start node-2', 'sim container kill web'),
  fc.constantFrom(
    'kubectl cordon node-1',
    'kubectl uncordon node-1',
    'kubectl taint nodes node-3 dedicated=x:NoSchedule',
  ),
);

function transcript(seed: number, script: string): { out: string; trace: string } {
  const engine = createSimulation({ seed, nodes: defaultNodes(3) });
  let out = '';
  runScript(engine, script, (t) => (out += t));
  return { out, trace: engine.trace.all().map(toJsonLine).join('\n') };
}

describe('replay', () => {
  it('[REPLAY1] replays random scripts identically for a seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(command, { minLength: 1, maxLength: 12 }),
        (seed, lines) => {
          const script = `${lines.join('\n')}\n`;
          const a = transcript(seed, script);
          const b = transcript(seed, script);
          expect(b.out).toBe(a.out);
          expect(b.trace).toBe(a.trace);
        },
      ),
      { numRuns: 25 },
    );
  });
});

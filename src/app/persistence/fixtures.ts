import fc from 'fast-check';
import { LIMITS, type SavedSession } from './validate';
import type { SessionConfig } from '../worker/protocol';

// Sessions for the tests beside this file: one hand-written, and a fast-check arbitrary that spans
// every op shape and the edges of each limit that matters for round-trips.

/** Returns a small, valid session with each op shape and two editor files. */
export function sampleSession(): SavedSession {
  return {
    version: 1,
    config: { seed: 42, nodes: 3 },
    ops: [
      { op: 'kubectl', line: 'kubectl create deployment web --image=nginx --replicas=3' },
      { op: 'until', t: 15_000.5 },
      { op: 'kubectl', line: 'kubectl apply -f -', stdin: 'kind: Pod\nmetadata:\n  name: ä🚀\n' },
      { op: 'sim', line: 'sim partition node-2 30s' },
    ],
    editor: {
      files: [
        { name: 'deployment.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\n' },
        { name: 'pod.yaml', text: 'kind: Pod # "quoted" \\ \u2028 \t lone \ud800 surrogate' },
      ],
      active: 1,
    },
    terminalHistory: ['kubectl get pods', 'kubectl describe pod web'],
  };
}

const op = fc.oneof(
  fc.record({
    op: fc.constant('until' as const),
    t: fc.double({ min: 0, max: LIMITS.untilMs, noNaN: true }).map((t) => (t === 0 ? 0 : t)),
  }),
  fc.record({ op: fc.constant('kubectl' as const), line: fc.string() }),
  fc.record({ op: fc.constant('kubectl' as const), line: fc.string(), stdin: fc.string() }),
  fc.record({ op: fc.constant('sim' as const), line: fc.string({ unit: 'binary' }) }),
);

const file = fc.record({
  name: fc
    .string({ minLength: 1, maxLength: LIMITS.fileNameChars })
    .filter((s) => s.trim() !== '' && !/\p{Cc}/u.test(s)),
  text: fc.string({ unit: 'binary', maxLength: 500 }),
});

const nodeSpec = (name: string) =>
  fc.record(
    {
      name: fc.constant(name),
      cpu: fc.constantFrom('1', '4', '1500m', '0.5'),
      memory: fc.constantFrom('512Mi', '8Gi', '16G'),
      pods: fc.integer({ min: 1, max: LIMITS.podsPerNode }),
      labels: fc.dictionary(
        fc.constantFrom('zone', 'disk', 'kubernetes.io/arch'),
        fc.constantFrom('a', 'ssd', ''),
      ),
      taints: fc.array(
        fc.record(
          {
            key: fc.constantFrom('dedicated', 'gpu'),
            value: fc.constantFrom('db', 'true'),
            effect: fc.constantFrom(
              'NoSchedule' as const,
              'PreferNoSchedule' as const,
              'NoExecute' as const,
            ),
          },
          { requiredKeys: ['key', 'effect'] },
        ),
        { maxLength: 2 },
      ),
      unschedulable: fc.boolean(),
    },
    { requiredKeys: ['name', 'cpu', 'memory', 'pods'] },
  );

/** Generates a SessionConfig: a node count, or node specs (then nodes is their count); maybe a scoring strategy. */
const arbConfig: fc.Arbitrary<SessionConfig> = fc
  .record({
    seed: fc.maxSafeInteger(),
    nodes: fc.integer({ min: 1, max: LIMITS.nodes }),
    specs: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    strategy: fc.option(fc.constantFrom('LeastAllocated' as const, 'MostAllocated' as const), {
      nil: undefined,
    }),
  })
  .chain(({ seed, nodes, specs, strategy }) => {
    const base =
      specs === undefined
        ? fc.constant<SessionConfig>({ seed, nodes })
        : fc
            .tuple(...Array.from({ length: specs }, (_, i) => nodeSpec(`node-${i + 1}`)))
            .map((nodeSpecs): SessionConfig => ({ seed, nodes: specs, nodeSpecs }));
    return base.map((c) => (strategy ? { ...c, scoringStrategy: strategy } : c));
  });

/** Generates valid sessions of every shape (with and without terminal history). */
export const arbSession: fc.Arbitrary<SavedSession> = fc
  .record({
    config: arbConfig,
    ops: fc.array(op, { maxLength: 30 }),
    files: fc.array(file, { maxLength: 4 }),
    active: fc.nat(),
    history: fc.option(fc.array(fc.string(), { maxLength: 5 }), { nil: undefined }),
  })
  .map(({ config, ops, files, active, history }) => {
    const s: SavedSession = {
      version: 1,
      config,
      ops,
      editor: { files, active: files.length === 0 ? 0 : active % files.length },
    };
    if (history !== undefined) s.terminalHistory = history;
    return s;
  });

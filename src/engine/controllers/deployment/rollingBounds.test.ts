import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../../api/object';
import type { Deployment, Pod } from '../../api/types';
import { defaultNodes } from '../../cluster';
import type { Engine } from '../../engine';
import { outputText, runKubectl } from '../../simulation';
import { createSimulation } from '../../simulation';

// [ROLL-B1] A rolling update of 10 replicas with maxSurge 3 and maxUnavailable 2 never has more
// than 13 pods (10 + 3, surge rounded up) nor fewer than 8 available (10 − 2, unavailability
// rounded down) at any instant, reaches both bounds, and finishes with every pod on the new
// template. [ROLL-B2] Percentages round the same way: 25% of 10 surges to 13 (2.5 → 3) and
// leaves 8 available (2.5 → 2).

const manifest = (image: string, surge: string, unavailable: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 10
  strategy:
    rollingUpdate:
      maxSurge: ${surge}
      maxUnavailable: ${unavailable}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: main
        image: ${image}
`;

function apply(e: Engine, yaml: string): void {
  const r = runKubectl(e, 'kubectl apply -f -', { stdin: yaml });
  expect(r.exitCode, outputText(r)).toBe(0);
}

const isAvailable = (p: Pod): boolean =>
  !p.metadata?.deletionTimestamp &&
  (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Rolls web from nginx:1.25 to 1.26 and returns the extremes seen at every event-loop step. */
function rollout(surge: string, unavailable: string): { most: number; fewest: number } {
  const e = createSimulation({ nodes: defaultNodes(3) });
  apply(e, manifest('nginx:1.25', surge, unavailable));
  e.runFor(60_000);
  apply(e, manifest('nginx:1.26', surge, unavailable));
  let most = 0;
  let fewest = Infinity;
  const done = (): boolean => {
    const d = e.store.get('/registry/deployments/default/web')?.value as Deployment | undefined;
    const s = d?.status;
    return (
      s?.observedGeneration === d?.metadata?.generation &&
      s?.updatedReplicas === 10 &&
      s.availableReplicas === 10 &&
      s.replicas === 10
    );
  };
  while (!done()) {
    expect(e.loop.step(), 'the rollout stalled').toBe(true);
    const pods = e.store
      .range('/registry/pods/default/')
      .kvs.map((kv) => kv.value as StoredObject & Pod);
    most = Math.max(most, pods.filter((p) => !p.metadata.deletionTimestamp).length);
    fewest = Math.min(fewest, pods.filter(isAvailable).length);
  }
  const images = e.store
    .range('/registry/pods/default/')
    .kvs.map((kv) => kv.value as Pod)
    .filter((p) => !p.metadata?.deletionTimestamp)
    .map((p) => p.spec?.containers[0]?.image);
  expect(images).toEqual(Array(10).fill('nginx:1.26'));
  return { most, fewest };
}

describe('rolling update bounds', () => {
  it('[ROLL-B1] stays within 13 pods and 8 available, and reaches both', () => {
    expect(rollout('3', '2')).toEqual({ most: 13, fewest: 8 });
  });

  it('[ROLL-B2] rounds a 25% surge up and a 25% unavailability down', () => {
    expect(rollout('25%', '25%')).toEqual({ most: 13, fewest: 8 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine';
import {
  deletePod,
  getPod,
  kubeletEngine,
  kubeletRequests,
  loseNextRequest,
  markPodNotReady,
  pod,
  runPod,
} from './testing';

// The status manager's 10 s syncBatch [STAT3] [LOOP4]: its ticks fall 10 s apart from when this
// run of the kubelet began its loops, which in a one-node engine is 7 ms.

const ready = (engine: Engine, name: string): string | undefined =>
  getPod(engine, name)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;

describe('the status manager’s retries [STAT3]', () => {
  it('re-sends a status someone else changed at its next tick, not at once', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runFor(12_000);
    const wrote = engine.loop.now();
    markPodNotReady(engine, 'web');
    engine.runFor(10_000);
    // Written at about 12 s; the kubelet's informer sees it at once, its tick is at 20 007 ms.
    expect(kubeletRequests(engine, 'pods/status', 'PATCH', wrote).map((m) => m.t)).toEqual([
      20_007,
    ]);
    expect(ready(engine, 'web')).toBe('True');
  });

  it('sends a lost PATCH again as soon as it times out: a tick passed meanwhile', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runFor(12_000);
    markPodNotReady(engine, 'web');
    const lost = loseNextRequest(engine, 'pods/status', 'PATCH');
    engine.runFor(15_000);
    const patches = kubeletRequests(engine, 'pods/status', 'PATCH', lost).map((m) => m.t - lost);
    expect(patches).toEqual([0, 10_000]);
    expect(ready(engine, 'web')).toBe('True');
  });

  it('DELETEs again a pod whose final DELETE was lost, so it does not stay Terminating', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runFor(10_000);
    deletePod(engine, 'web');
    const lost = loseNextRequest(engine, 'pods', 'DELETE');
    engine.runFor(5000);
    expect(getPod(engine, 'web')?.metadata?.deletionTimestamp).toBeDefined();
    engine.runFor(10_000);
    expect(kubeletRequests(engine, 'pods', 'DELETE', lost).map((m) => m.t - lost)).toEqual([
      0, 10_000,
    ]);
    expect(getPod(engine, 'web')).toBeUndefined();
  });
});

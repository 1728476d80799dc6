import { describe, expect, it } from 'vitest';
import type { Event, Node } from '../api/types';
import type { ApiRequest } from '../apiserver/types';
import type { Engine } from '../engine';
import type { TraceMessage } from '../trace/message';
import { NODE_STATUS_REPORT_MS } from './node/reporter';
import { eventTimes, kubeletEngine, kubeletRequests, loseNextRequest } from './testing';

// The node status rounds of one kubelet, with no node lifecycle controller: the test plays the
// controller's part by writing the Node's conditions itself.

const KUBELET = 'kubelet/node-1';

const times = (ms: TraceMessage[], since = 0): number[] => ms.map((m) => m.t - since);

function getNode(engine: Engine): Node {
  return engine.request('test', { verb: 'get', resource: 'nodes', name: 'node-1' }).body as Node;
}

/** Writes the Node's conditions Unknown, as the node lifecycle controller does. */
function markUnknown(engine: Engine): void {
  const node = getNode(engine);
  const conditions = (node.status?.conditions ?? []).map((c) => ({
    ...c,
    status: 'Unknown',
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
  }));
  engine.request('test', {
    verb: 'update',
    resource: 'nodes',
    subresource: 'status',
    name: 'node-1',
    body: { ...node, status: { ...node.status, conditions } },
  });
}

describe('node status rounds [NSTAT3] [NSTAT5]', () => {
  it('GETs the Node 10 s after each round ended and PATCHes only every 5 minutes', () => {
    const { engine } = kubeletEngine();
    engine.runFor(NODE_STATUS_REPORT_MS + 30_000);
    const gets = kubeletRequests(engine, 'nodes', 'GET');
    // Registration ends at 7 ms. A GET is answered 5 ms after it is sent (1 ms to the apiserver,
    // 2 ms to etcd, 1 ms back from each) and the next round starts 10 s after that answer.
    expect(times(gets).slice(0, 3)).toEqual([10_007, 20_012, 30_017]);
    expect(gets.every((m) => (m.body as ApiRequest).resourceVersion === '0')).toBe(true);
    // Registration's PATCH, then the first round at least 5 min after it: 30 rounds later.
    expect(times(kubeletRequests(engine, 'nodes/status', 'PATCH'))).toEqual([5, 300_157]);
  });

  it('PATCHes Ready back at its next round when the Node’s conditions were changed [NSTAT7]', () => {
    const { engine } = kubeletEngine();
    engine.runFor(15_000);
    markUnknown(engine);
    const marked = engine.loop.now();
    engine.runFor(10_000);
    // The round after the write (GET at 20 012 ms) finds Unknown and PATCHes once answered.
    expect(times(kubeletRequests(engine, 'nodes/status', 'PATCH', marked))).toEqual([20_017]);
    const ready = getNode(engine).status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    // The setters record their events as they compute the status; within the same process and
    // 10 minutes each one counts up the event registration created (count 2). [EV2]
    for (const reason of ['NodeHasSufficientMemory', 'NodeHasSufficientPID', 'NodeReady'])
      expect(eventTimes(engine, 'node-1', reason)).toEqual([7, 20_017]);
  });

  it('counts only an answered PATCH: a report lost on the way is sent by the next try', () => {
    const { engine } = kubeletEngine();
    engine.runFor(NODE_STATUS_REPORT_MS - 5000);
    const lost = loseNextRequest(engine, 'nodes/status', 'PATCH');
    engine.runFor(20_000);
    // The lost PATCH fails 10 s after it was sent; the next try GETs the Node (5 ms) and, the
    // report still being due, PATCHes again rather than waiting another 5 minutes.
    const patches = kubeletRequests(engine, 'nodes/status', 'PATCH', lost);
    expect(times(patches, lost)).toEqual([0, 10_005]);
    expect(patches.map((m) => m.arrive - m.t)).toEqual([1, 1]);
  });
});

describe('a restarted kubelet’s node events [NSTAT4] [EV3]', () => {
  it('records Starting kubelet. and fresh Events, none counted into the previous run’s', () => {
    const { engine, kubelet } = kubeletEngine();
    engine.runFor(10_000);
    kubelet.stop();
    markUnknown(engine);
    engine.runFor(60_000);
    const restarted = engine.loop.now();
    kubelet.start();
    engine.runFor(1000);
    const posts = engine.trace
      .all()
      .filter((m) => m.from === KUBELET && m.resource === 'events' && m.t >= restarted);
    expect(posts.map((m) => `${m.verb} ${(m.body as { body: Event }).body.reason}`)).toEqual([
      'POST Starting',
      'POST NodeHasSufficientMemory',
      'POST NodeHasNoDiskPressure',
      'POST NodeHasSufficientPID',
      'POST NodeAllocatableEnforced',
      'POST NodeReady',
    ]);
    const created = engine.trace
      .all()
      .filter((m) => m.to === KUBELET && m.resource === 'events' && m.t >= restarted);
    expect(created.map((m) => m.code)).toEqual([201, 201, 201, 201, 201, 201]);
  });
});

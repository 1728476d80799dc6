import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import { defaultNodes } from '../cluster';
import type { Engine } from '../engine';
import { sh } from '../kubectl/testing';
import { createSimulation } from '../simulation';

// The whole cluster: node-3's kubelet loses the apiserver for 70 s, long enough for the node
// lifecycle controller to mark the node Unknown and taint it, then gets it back. [NSTAT3]
// [NSTAT5] [STAT3]

const S = 1000;
const KUBELET = 'kubelet/node-3';

/** Records, from etcd's own watch, when node-3 and its pod change, relative to since. */
function follow(e: Engine, since: number): string[] {
  const log: string[] = [];
  let last = '';
  e.store.watch('/registry/minions/node-3', e.store.revision() + 1, (events) => {
    for (const { kv } of events) {
      const n = kv.value as Node;
      const conditions = (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`);
      const taints = (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);
      const line = [...conditions, ...taints].join(' ');
      if (line !== last) log.push(`${e.loop.now() - since} ${line}`);
      last = line;
    }
  });
  e.store.watch('/registry/pods/', e.store.revision() + 1, (events) => {
    for (const { kv } of events) {
      const p = kv.value as Pod;
      if (p.spec?.nodeName !== 'node-3') continue;
      const ready = p.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      log.push(`${e.loop.now() - since} pod Ready=${ready}`);
    }
  });
  return log;
}

describe('a node partitioned for 70 s, then healed', () => {
  it('goes Unknown and tainted, then Ready and untainted about 10 s after the heal', () => {
    const e = createSimulation({ nodes: defaultNodes(3) });
    sh(e, 'kubectl create deployment web --image=nginx --replicas=3');
    e.runFor(20 * S);
    const cut = e.loop.now();
    const log = follow(e, cut);
    e.setReachable(KUBELET, false);
    e.runFor(70 * S);
    e.setReachable(KUBELET, true);
    e.runFor(30 * S);
    const healthy = 'MemoryPressure=False DiskPressure=False PIDPressure=False Ready=True';
    const unknown = 'MemoryPressure=Unknown DiskPressure=Unknown PIDPressure=Unknown Ready=Unknown';
    const unreachable = 'node.kubernetes.io/unreachable';
    expect(log).toEqual([
      // 50 s after the last Lease renewal (17 ms before the cut) the monitor pass marks the node
      // Unknown, taints it NoSchedule and marks its pod not Ready; NoExecute one pass later.
      `50079 ${unknown}`,
      `50083 ${unknown} ${unreachable}:NoSchedule`,
      '50084 pod Ready=False',
      `55189 ${unknown} ${unreachable}:NoSchedule ${unreachable}:NoExecute`,
      // Healed at 70 000. The kubelet relisted its pods at 74 800 (the informer's back-off) and
      // saw the apiserver's copy differ from what it sent: the status manager's tick at 79 983
      // sends it again (needsReconcile).
      '79986 pod Ready=True',
      // The status round that started at 69 998, 2 ms before the heal, sent its GET into the
      // partition; it fails at the 10 s timeout (79 998) and the round's second try GETs the
      // Node, finds it Unknown and PATCHes it Ready.
      `80006 ${healthy} ${unreachable}:NoSchedule ${unreachable}:NoExecute`,
      `80010 ${healthy} ${unreachable}:NoExecute`,
      // The next monitor pass sees Ready=True and removes the NoExecute taint.
      `80089 ${healthy}`,
    ]);
    const gets = e.trace
      .all()
      .filter((m) => m.from === KUBELET && m.verb === 'GET' && m.resource === 'nodes');
    // Rounds: the last before the cut at -7 ms; during the partition nothing arrives (and so
    // nothing is traced); after the heal, 79 998 and then every 10 s after each answer.
    expect(gets.filter((m) => m.t >= cut - 10 * S).map((m) => m.t - cut)).toEqual([
      -7, 79_998, 90_008,
    ]);
  });
});

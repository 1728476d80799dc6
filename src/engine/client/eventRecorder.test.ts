import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../apiserver/types';
import type { Client } from './client';
import { EventRecorder } from './eventRecorder';
import type { EventLoop } from '../clock/eventLoop';

// The recorder alone, with a client that only notes what would be sent.
function recorder(): { rec: EventRecorder; sent: ApiRequest[]; at: (ms: number) => void } {
  const sent: ApiRequest[] = [];
  let now = 0;
  const client = { request: (req: ApiRequest) => sent.push(req) } as unknown as Client;
  const loop = { now: () => now } as unknown as EventLoop;
  const rec = new EventRecorder(client, loop, { component: 'kubelet', host: 'node-1' });
  return { rec, sent, at: (ms) => (now = ms) };
}

const pod = (i: number) => ({
  kind: 'Pod',
  metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-${i}` },
});

describe('EventRecorder', () => {
  it('[EV2] patches the count of the same event within 10 minutes, creates one after', () => {
    const { rec, sent, at } = recorder();
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled', 'spec.containers{web}');
    at(60_000);
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled', 'spec.containers{web}');
    at(60_000 + 10 * 60 * 1000);
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled', 'spec.containers{web}');
    expect(sent.map((r) => r.verb)).toEqual(['create', 'patch', 'create']);
    expect(sent[1]?.body).toMatchObject({ count: 2 });
  });

  it('[EV2] tells events apart by object, reason and message', () => {
    const { rec, sent } = recorder();
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled');
    rec.event(pod(2), 'Normal', 'Pulled', 'pulled');
    rec.event(pod(1), 'Normal', 'Created', 'pulled');
    rec.event(pod(1), 'Normal', 'Pulled', 'other');
    rec.event({ kind: 'Node', metadata: { name: 'node-1' } }, 'Normal', 'Pulled', 'pulled');
    expect(sent.map((r) => r.verb)).toEqual(['create', 'create', 'create', 'create', 'create']);
  });

  it('remembers the last 4096 events, forgetting the oldest first', () => {
    const { rec, sent } = recorder();
    for (let i = 0; i <= 4096; i++) rec.event(pod(i), 'Normal', 'Pulled', 'pulled');
    sent.length = 0;
    rec.event(pod(4096), 'Normal', 'Pulled', 'pulled');
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled');
    rec.event(pod(0), 'Normal', 'Pulled', 'pulled');
    expect(sent.map((r) => r.verb)).toEqual(['patch', 'patch', 'create']);
  });

  it('[EV3] forgets everything when its process restarts', () => {
    const { rec, sent } = recorder();
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled');
    rec.restart();
    rec.event(pod(1), 'Normal', 'Pulled', 'pulled');
    expect(sent.map((r) => r.verb)).toEqual(['create', 'create']);
  });
});

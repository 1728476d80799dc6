import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../api/types';
import { Backoff } from './backoff';
import { goDuration } from './format';
import { SyncLoop, kubeletRng } from './syncLoop';
import { admit } from './pods/admission';
import { getPhase } from './pods/podStatus';
import { statusPatch } from './pods/statusManager';

describe('goDuration, as Go prints time.Duration', () => {
  it.each([
    [0, '0s'],
    [584, '584ms'],
    [2806, '2.806s'],
    [2800, '2.8s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [65_200, '1m5.2s'],
    [3_600_000, '1h0m0s'],
  ])('%d ms is %s', (ms, s) => expect(goDuration(ms)).toBe(s));
});

describe('flowcontrol back-off [BO1][BO2]', () => {
  it('doubles from 10 s to 300 s and resets after 10 quiet minutes', () => {
    let now = 0;
    const b = new Backoff(() => now);
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      b.next('c', now);
      seen.push(b.get('c'));
      now += 1000;
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.isInBackOffSince('c', now)).toBe(true);
    now += 700_000;
    expect(b.isInBackOffSince('c', now)).toBe(false);
    b.next('c', now);
    expect(b.get('c')).toBe(10_000);
  });

  it('garbage-collects entries not updated for 10 minutes [BO3]', () => {
    let now = 0;
    const b = new Backoff(() => now);
    b.next('old', 0);
    now = 5000;
    b.next('new', 5000);
    b.gc(600_000);
    expect([b.get('old'), b.get('new')]).toEqual([10_000, 10_000]);
    b.gc(600_001);
    expect([b.get('old'), b.get('new')]).toEqual([0, 10_000]);
  });
});

describe('the sync loop grid [LOOP1]-[LOOP3]', () => {
  const loop = new SyncLoop(kubeletRng(1, 'node-1'));
  loop.begin(185);
  it.each([
    [185, 1185],
    [1184, 1185],
    [1185, 2185],
  ])('a change at %d ms is relisted at %d ms', (t, relist) =>
    expect(loop.nextRelist(t)).toBe(relist),
  );
  it('retries a failed sync on a sync tick 10 to 15 s later', () => {
    for (let i = 0; i < 50; i++) {
      const at = loop.retryAfterError(5000);
      expect((at - 185) % 1000).toBe(0);
      expect(at).toBeGreaterThanOrEqual(15_000);
      expect(at).toBeLessThanOrEqual(20_185);
    }
  });
  it('keeps housekeeping on its 2 s grid', () => {
    expect([loop.lastHousekeeping(2184), loop.lastHousekeeping(2185)]).toEqual([185, 2185]);
  });
});

const running: ContainerStatus = {
  name: 'a',
  image: 'x',
  imageID: '',
  ready: true,
  restartCount: 0,
  state: { running: {} },
};
const exited = (code: number): ContainerStatus => ({
  ...running,
  state: { terminated: { exitCode: code } },
});
const waiting: ContainerStatus = {
  ...running,
  state: { waiting: { reason: 'ContainerCreating' } },
};
const crashLoop: ContainerStatus = {
  ...running,
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: { terminated: { exitCode: 1 } },
};

describe('getPhase [PHASE1]-[PHASE3]', () => {
  const withPolicy = (restartPolicy: string): Pod => ({
    spec: { restartPolicy, containers: [{ name: 'a' }] },
  });
  it.each([
    ['Always', waiting, false, 'Pending'],
    ['Always', running, false, 'Running'],
    ['Always', exited(0), false, 'Running'],
    ['Always', crashLoop, false, 'Running'],
    ['OnFailure', exited(0), false, 'Succeeded'],
    ['OnFailure', exited(1), false, 'Running'],
    ['Never', exited(1), false, 'Failed'],
    ['Never', exited(0), false, 'Succeeded'],
    ['Always', exited(0), true, 'Succeeded'],
    ['Always', exited(137), true, 'Failed'],
  ])('%s with %j (terminal %s) is %s', (policy, status, terminal, phase) => {
    expect(getPhase(withPolicy(policy), [], [status], terminal)).toBe(phase);
  });
});

describe('kubelet admission [ADM1][ADM2]', () => {
  const node = { milliCpu: 4000, memoryBytes: 8 * 1024 ** 3, pods: 2 };
  const asking = (cpu: string, memory = '1Mi'): Pod => ({
    spec: { containers: [{ name: 'a', resources: { requests: { cpu, memory } } }] },
  });
  it('reports the first shortfall with its numbers', () => {
    expect(admit(asking('3'), [asking('2')], node)?.message).toBe(
      "Node didn't have enough resource: cpu, requested: 3000, used: 2000, capacity: 4000",
    );
    expect(admit(asking('1'), [asking('1'), asking('1')], node)?.reason).toBe('OutOfpods');
    expect(admit(asking('1', '9Gi'), [], node)?.reason).toBe('OutOfmemory');
    expect(admit(asking('1'), [asking('1')], node)).toBeUndefined();
  });
});

describe('the status patch [STAT1]', () => {
  it('clears fields a condition lost and orders conditions', () => {
    const old = {
      phase: 'Pending',
      conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'm' }],
    };
    const next = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    expect(statusPatch(old, next, 'u')).toEqual({
      metadata: { uid: 'u' },
      status: {
        '$setElementOrder/conditions': [{ type: 'Ready' }],
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True', reason: null, message: null }],
      },
    });
  });
});

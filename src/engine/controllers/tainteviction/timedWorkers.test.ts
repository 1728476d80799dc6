import { describe, expect, it } from 'vitest';
import { EventLoop } from '../../clock/eventLoop';
import { TimedWorkerQueue } from './timedWorkers';

/** A queue whose work records when it fired and finishes after runMs. */
function queue(runMs = 0): { loop: EventLoop; q: TimedWorkerQueue; fired: string[] } {
  const loop = new EventLoop();
  const fired: string[] = [];
  const q = new TimedWorkerQueue(loop, (key, done) => {
    fired.push(`${key}@${loop.now()}`);
    loop.schedule(runMs, done);
  });
  return { loop, q, fired };
}

describe('TimedWorkerQueue', () => {
  it('[TW1] fires work at its time, and work due now at once', () => {
    const { loop, q, fired } = queue();
    q.add('default/a', 0, 300_000);
    q.add('default/b', 0, 0);
    expect(fired).toEqual(['default/b@0']);
    loop.runFor(299_999);
    expect(fired).toEqual(['default/b@0']);
    loop.runFor(1);
    expect(fired).toEqual(['default/b@0', 'default/a@300000']);
  });

  it('[TW2] keeps the first work for a key', () => {
    const { loop, q, fired } = queue();
    q.add('default/a', 0, 10_000);
    q.add('default/a', 0, 5_000);
    expect(q.get('default/a')?.fireAt).toBe(10_000);
    loop.runFor(20_000);
    expect(fired).toEqual(['default/a@10000']);
  });

  it('[TW3] cancels waiting work and says so; running work due now cannot be cancelled', () => {
    const { loop, q, fired } = queue(50);
    q.add('default/a', 0, 10_000);
    expect(q.cancel('default/a')).toBe(true);
    expect(q.cancel('default/a')).toBe(false);
    q.add('default/b', 0, 0);
    expect(q.cancel('default/b')).toBe(false);
    loop.runFor(20_000);
    expect(fired).toEqual(['default/b@0']);
  });

  it('[TW4] forgets finished work, so the key can be scheduled again', () => {
    const { loop, q, fired } = queue(50);
    q.add('default/a', 0, 0);
    q.add('default/a', 10, 10);
    loop.runFor(100);
    q.add('default/a', 100, 100);
    expect(fired).toEqual(['default/a@0', 'default/a@100']);
  });

  it('waits in the background: runUntilIdle does not fast-forward to a deadline', () => {
    const { loop, q, fired } = queue();
    q.add('default/a', 0, 300_000);
    loop.runUntilIdle();
    expect(loop.now()).toBe(0);
    expect(fired).toEqual([]);
    expect(q.waiting()).toEqual(['default/a']);
  });
});

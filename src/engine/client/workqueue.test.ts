import { describe, expect, it } from 'vitest';
import { EventLoop } from '../clock/eventLoop';
import { WorkQueue } from './workqueue';

describe('WorkQueue', () => {
  it('[WQ1] de-duplicates keys waiting to be processed', () => {
    const q = new WorkQueue(new EventLoop(), () => {});
    q.add('a');
    q.add('a');
    q.add('b');
    expect(q.waiting()).toEqual(['a', 'b']);
  });

  it('[WQ2] requeues a key added while it is processed, after done', () => {
    const q = new WorkQueue(new EventLoop(), () => {});
    q.add('a');
    expect(q.get()?.key).toBe('a');
    q.add('a');
    expect(q.len()).toBe(0);
    q.done('a');
    expect(q.waiting()).toEqual(['a']);
  });

  it('[WQ3] backs off exponentially from 5 ms until forgotten', () => {
    const loop = new EventLoop();
    const q = new WorkQueue(loop, () => {});
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      q.addRateLimited('a');
      while (q.len() === 0) loop.step();
      times.push(loop.now());
      q.get();
      q.done('a');
    }
    expect(times).toEqual([5, 15, 35, 75]);
    q.forget('a');
    expect(q.numRequeues('a')).toBe(0);
  });
});

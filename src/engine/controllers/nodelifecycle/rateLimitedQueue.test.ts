import { describe, expect, it } from 'vitest';
import type { Task } from '../../client/task';
import { RateLimitedTimedQueue, TokenBucket, type TryResult } from './rateLimitedQueue';

const S = 1000;

/** Runs a task that makes no API calls to its end. */
function drain(task: Task<void>): void {
  for (let step = task.next(); !step.done; step = task.next()) throw new Error('unexpected effect');
}

/** Tries the queue at virtual time now; returns the nodes processed. */
function tryAt(
  q: RateLimitedTimedQueue,
  now: number,
  result: TryResult = { done: true },
): string[] {
  const seen: string[] = [];
  drain(
    q.try(
      () => now,
      // eslint-disable-next-line require-yield
      function* (v) {
        seen.push(v.value);
        return result;
      },
    ),
  );
  return seen;
}

describe('TokenBucket', () => {
  it('[RLQ2] starts with one token and refills at qps', () => {
    const b = new TokenBucket(0.1);
    expect(b.tryAccept(0)).toBe(true);
    expect(b.tryAccept(9.9 * S)).toBe(false);
    expect(b.tryAccept(10 * S)).toBe(true);
    expect(b.tryAccept(10 * S)).toBe(false);
  });

  it('never accepts at rate 0', () => {
    expect(new TokenBucket(0).tryAccept(0)).toBe(false);
  });
});

describe('RateLimitedTimedQueue', () => {
  it('[RLQ2] processes one node per 10 s at 0.1 qps, oldest first', () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    q.add('node-1', 'u1', 0);
    q.add('node-2', 'u2', 0);
    expect(tryAt(q, 0)).toEqual(['node-1']);
    expect(tryAt(q, 5 * S)).toEqual([]);
    expect(tryAt(q, 10 * S)).toEqual(['node-2']);
    expect(q.pending()).toBe(false);
  });

  it('[RLQ2] takes no tokens while empty', () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    tryAt(q, 0);
    q.add('node-1', 'u1', 1 * S);
    expect(tryAt(q, 1 * S)).toEqual(['node-1']);
  });

  it('[RLQ1] adds a node once until it is removed', () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    expect(q.add('node-1', 'u1', 0)).toBe(true);
    expect(tryAt(q, 0)).toEqual(['node-1']);
    expect(q.add('node-1', 'u1', 1 * S)).toBe(false);
    expect(q.remove('node-1')).toBe(true);
    expect(q.add('node-1', 'u1', 2 * S)).toBe(true);
  });

  it('[RLQ3] keeps a node whose action failed, for the next token', () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    q.add('node-1', 'u1', 0);
    expect(tryAt(q, 0, { done: false, waitMs: 0 })).toEqual(['node-1']);
    expect(q.waiting()).toEqual(['node-1']);
    expect(tryAt(q, 10 * S)).toEqual(['node-1']);
    expect(q.pending()).toBe(false);
  });

  it('[RLQ4] stops at rate 0 and keeps an empty bucket empty when the rate changes', () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    q.add('node-1', 'u1', 0);
    q.add('node-2', 'u2', 0);
    expect(tryAt(q, 0)).toEqual(['node-1']);
    q.swapLimiter(0.01, 1 * S);
    expect(q.qps()).toBe(0.01);
    expect(tryAt(q, 50 * S)).toEqual([]);
    expect(tryAt(q, 101 * S)).toEqual(['node-2']);
    q.add('node-3', 'u3', 102 * S);
    q.swapLimiter(0, 102 * S);
    expect(tryAt(q, 1000 * S)).toEqual([]);
  });
});

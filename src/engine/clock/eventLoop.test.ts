import { describe, expect, it } from 'vitest';
import { EventLoop, RunawayError } from './eventLoop';

describe('EventLoop', () => {
  it('runs tasks in time order, then insertion order', () => {
    const loop = new EventLoop();
    const seen: string[] = [];
    loop.schedule(10, () => seen.push('b'));
    loop.schedule(5, () => seen.push('a'));
    loop.schedule(10, () => seen.push('c'));
    loop.runUntilIdle();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(loop.now()).toBe(10);
  });

  it('stops runUntilIdle when only background tasks remain', () => {
    const loop = new EventLoop();
    const seen: string[] = [];
    loop.schedule(100, () => seen.push('heartbeat'), { background: true });
    loop.schedule(5, () => seen.push('work'));
    loop.runUntilIdle();
    expect(seen).toEqual(['work']);
    expect(loop.now()).toBe(5);
    loop.runFor(200);
    expect(seen).toEqual(['work', 'heartbeat']);
    expect(loop.now()).toBe(205);
  });

  it('cancels tasks', () => {
    const loop = new EventLoop();
    let ran = false;
    const t = loop.schedule(1, () => (ran = true));
    t.cancel();
    expect(loop.busy()).toBe(false);
    loop.runFor(10);
    expect(ran).toBe(false);
  });

  it('carries the causing message into scheduled tasks', () => {
    const loop = new EventLoop();
    const causes: (number | null)[] = [];
    loop.schedule(
      1,
      () => {
        causes.push(loop.cause);
        loop.schedule(1, () => causes.push(loop.cause));
      },
      { cause: 7 },
    );
    loop.runUntilIdle();
    expect(causes).toEqual([7, 7]);
  });

  it('reports runaway work instead of hanging', () => {
    const loop = new EventLoop();
    const again = (): void => void loop.schedule(1, again);
    again();
    expect(() => loop.runUntilIdle(1000)).toThrow(RunawayError);
  });
});

import { describe, expect, it } from 'vitest';
import type { Hop } from '../worker/protocol';
import { MOMENT, Timeline } from './timeline';

let nextId = 1;
const hop = (t: number, kind = 'Pod'): Hop => ({
  id: nextId++,
  t,
  arrive: t + 1,
  from: 'a',
  to: 'b',
  type: 'request',
  verb: 'GET',
  kind,
  cause: null,
});

function timeline(): Timeline {
  nextId = 1;
  // Two boot hops, then moments at 100 (two hops plus a hidden one), 100 + hidden at 150, 400.
  const tl = new Timeline((h) => h.kind !== 'Lease', 2);
  tl.append([hop(0), hop(10), hop(100), hop(100), hop(100, 'Lease'), hop(150, 'Lease'), hop(400)]);
  return tl;
}

describe('Timeline', () => {
  it('groups hops sent at the same instant into one moment and stretches it', () => {
    const tl = timeline();
    expect(tl.moments.map((m) => [m.t, m.first, m.last, m.start])).toEqual([
      [100, 2, 4, 90],
      [400, 6, 6, 90 + MOMENT + 300],
    ]);
  });

  it('animates a moment, then lets virtual time pass 1:1 until the next', () => {
    const tl = timeline();
    expect(tl.at(90 + MOMENT / 2)).toMatchObject({ t: 100, progress: 0.5, done: 2 });
    expect(tl.at(90 + MOMENT)).toMatchObject({ t: 100, moment: undefined, done: 5 });
    expect(tl.at(90 + MOMENT + 60)).toMatchObject({ t: 160, done: 6 });
    expect(tl.at(50)).toMatchObject({ t: 60, done: 2 });
  });

  it('steps between the ends of moments', () => {
    const tl = timeline();
    expect(tl.nextStop(0)).toBe(90 + MOMENT);
    expect(tl.nextStop(90 + MOMENT)).toBe(90 + 2 * MOMENT + 300);
    expect(tl.nextStop(90 + 2 * MOMENT + 300)).toBeUndefined();
    expect(tl.previousStop(90 + 2 * MOMENT + 300)).toBe(90 + MOMENT);
    expect(tl.previousStop(90 + MOMENT)).toBe(0);
  });

  it('maps virtual time back to display time and forgets a discarded future', () => {
    const tl = timeline();
    expect(tl.displayOf(250)).toBe(90 + MOMENT + 150);
    expect(tl.endX(1000)).toBe(90 + 2 * MOMENT + 300 + 600);
    tl.truncate(5);
    expect(tl.moments).toHaveLength(1);
    expect(tl.hops).toHaveLength(5);
  });
});

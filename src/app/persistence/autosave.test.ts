import { describe, expect, it } from 'vitest';
import { createAutosaver, flushOnPageHide, type PageEvents, type Timers } from './autosave';
import { sampleSession } from './fixtures';
import type { SaveResult } from './storage';
import type { SavedSession } from './validate';

/** Fake timers: time moves only when the test says. */
class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  pending(): number {
    return this.due.size;
  }

  /** Advances time, firing due timers in order and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const [id, t] = [...this.due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || t === undefined || t.at > end) break;
      this.due.delete(id);
      this.now = t.at;
      t.fn();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A saver over fake timers that records when each save happened and what it saved. */
function setup(interval = 1000) {
  const timers = new FakeTimers();
  const saves: { at: number; session: SavedSession }[] = [];
  const results: SaveResult[] = [];
  let counter = 0;
  let outcome: SaveResult = { ok: true };
  const saver = createAutosaver({
    snapshot: () => ({ ...sampleSession(), config: { seed: ++counter, nodes: 3 } }),
    save: async (session) => {
      saves.push({ at: timers.now, session });
      return outcome;
    },
    intervalMs: interval,
    timers,
    onResult: (r) => results.push(r),
  });
  return { timers, saves, results, saver, fail: (r: SaveResult) => (outcome = r) };
}

describe('createAutosaver', () => {
  it('batches a burst of changes into one save after the interval', async () => {
    const { timers, saves, saver } = setup();
    for (let i = 0; i < 50; i++) saver.changed();
    await timers.advance(999);
    expect(saves).toHaveLength(0);
    await timers.advance(1);
    expect(saves.map((s) => s.at)).toEqual([1000]);
  });

  it('saves at most once per interval under continuous changes', async () => {
    const { timers, saves, saver } = setup();
    for (let t = 0; t < 5000; t += 100) {
      saver.changed();
      await timers.advance(100);
    }
    const at = saves.map((s) => s.at);
    expect(at.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('does nothing when nothing changed', async () => {
    const { timers, saves, saver } = setup();
    await timers.advance(10_000);
    await saver.flush();
    expect(saves).toHaveLength(0);
  });

  it('flushes at once, taking the newest snapshot, and cancels the pending timer', async () => {
    const { timers, saves, saver } = setup();
    saver.changed();
    await timers.advance(10);
    await saver.flush();
    expect(saves.map((s) => s.at)).toEqual([10]);
    expect(timers.pending()).toBe(0);
    await timers.advance(5000);
    expect(saves).toHaveLength(1);
  });

  it('passes each outcome to the page, failures included', async () => {
    const { timers, results, saver, fail } = setup();
    const full: SaveResult = { ok: false, reason: 'full', error: 'full', repeat: false };
    fail(full);
    saver.changed();
    await timers.advance(1000);
    expect(results).toEqual([full]);
  });

  it('reports a snapshot that throws as a failed save instead of crashing', async () => {
    const results: SaveResult[] = [];
    const timers = new FakeTimers();
    const saver = createAutosaver({
      snapshot: () => {
        throw new Error('no engine');
      },
      save: async () => ({ ok: true }),
      timers,
      onResult: (r) => results.push(r),
    });
    saver.changed();
    await saver.flush();
    expect(results).toMatchObject([{ ok: false, reason: 'failed' }]);
  });

  it('saves a change made during a slow save after it, never two at once', async () => {
    const timers = new FakeTimers();
    let active = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const seeds: number[] = [];
    let seed = 0;
    const saver = createAutosaver({
      snapshot: () => ({ ...sampleSession(), config: { seed: ++seed, nodes: 3 } }),
      save: async (s) => {
        most = Math.max(most, ++active);
        await new Promise<void>((r) => release.push(r));
        active--;
        seeds.push(s.config.seed);
        return { ok: true };
      },
      intervalMs: 1000,
      timers,
    });
    saver.changed();
    await timers.advance(1000);
    saver.changed();
    const flushed = saver.flush();
    release.shift()?.();
    await settle();
    release.shift()?.();
    await flushed;
    expect(seeds).toEqual([1, 2]);
    expect(most).toBe(1);
  });

  it('stops after dispose', async () => {
    const { timers, saves, saver } = setup();
    saver.changed();
    saver.dispose();
    await timers.advance(5000);
    expect(saves).toHaveLength(0);
  });
});

describe('flushOnPageHide', () => {
  /** A page whose events the test fires by hand. */
  function fakePage(): PageEvents & { hidden(state: string): void; pagehide(): void } {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    return {
      window: win,
      document: doc,
      hidden(state) {
        doc.visibilityState = state;
        doc.dispatchEvent(new Event('visibilitychange'));
      },
      pagehide: () => win.dispatchEvent(new Event('pagehide')),
    };
  }

  it('flushes on pagehide and when the page becomes hidden, until stopped', () => {
    const page = fakePage();
    let flushes = 0;
    const stop = flushOnPageHide({ flush: async () => void flushes++ }, page);
    page.pagehide();
    page.hidden('visible');
    page.hidden('hidden');
    expect(flushes).toBe(2);
    stop();
    page.pagehide();
    expect(flushes).toBe(2);
  });
});

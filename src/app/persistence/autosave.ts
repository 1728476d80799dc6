import type { SaveResult } from './storage';
import type { SavedSession } from './validate';

// Typing in the editor or running commands changes the session many times a second; writing
// IndexedDB each time would be wasteful. The saver writes at most once per interval, and at once
// when the page is hidden or closed (mobile browsers may kill a hidden tab without unload).

/** The timer functions the saver uses; tests pass fakes to drive time without waiting. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the saver needs from the page. */
export interface AutosaverOptions {
  /** Returns the session as it is now; called only when a save is about to happen. */
  snapshot: () => SavedSession;
  /** Writes the session (storage.saveSession in the page). */
  save: (session: SavedSession) => Promise<SaveResult>;
  /** Least time between two saves; 2,000 ms unless given. */
  intervalMs?: number;
  /** Hears every save's outcome, so the page can show a failure (those with `repeat` once only). */
  onResult?: (result: SaveResult) => void;
  timers?: Timers;
}

/** A debounced saver: mark changes, and it saves at most once per interval. */
export interface Autosaver {
  /** Notes that the session changed; a save follows within the interval. */
  changed(): void;
  /** Saves now if anything changed since the last save (for pagehide); resolves when written. */
  flush(): Promise<void>;
  /** Stops the saver: cancels a pending save. */
  dispose(): void;
}

/** The least time between two autosaves unless the page chooses another. */
export const AUTOSAVE_INTERVAL_MS = 2000;

/** Creates a saver that writes at most once per interval and whenever flushed. */
export function createAutosaver(options: AutosaverOptions): Autosaver {
  const { snapshot, save, onResult } = options;
  const interval = options.intervalMs ?? AUTOSAVE_INTERVAL_MS;
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  let dirty = false;
  let timer: unknown;
  let writing: Promise<SaveResult> | undefined;
  let disposed = false;

  const arm = (): void => {
    if (timer === undefined && !disposed) {
      timer = timers.setTimeout(() => {
        timer = undefined;
        void write();
      }, interval);
    }
  };
  const write = async (): Promise<void> => {
    // One write at a time, so an older snapshot can never land after a newer one.
    while (writing) await writing;
    if (!dirty || disposed) return;
    dirty = false;
    writing = saveOnce(snapshot, save);
    const result = await writing;
    writing = undefined;
    // Changes made while writing wait a full interval, keeping to one save per interval.
    if (dirty) arm();
    onResult?.(result);
  };

  return {
    changed() {
      dirty = true;
      if (!writing) arm();
    },
    async flush() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await write();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}

async function saveOnce(
  snapshot: () => SavedSession,
  save: (s: SavedSession) => Promise<SaveResult>,
): Promise<SaveResult> {
  try {
    return await save(snapshot());
  } catch (e) {
    // The storage module never rejects, but a snapshot from the page might throw.
    return { ok: false, reason: 'failed', error: `Autosave failed (${String(e)}).`, repeat: false };
  }
}

/** The events flushOnPageHide listens to: `pagehide` on the window, `visibilitychange` on the document. */
export interface PageEvents {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    visibilityState: string;
  };
}

/** Flushes the saver when the page is hidden or unloaded; returns a function that stops listening. */
export function flushOnPageHide(
  saver: Pick<Autosaver, 'flush'>,
  page: PageEvents = { window, document },
): () => void {
  // pagehide and a hidden visibilityState are the last events a page reliably gets; unload and
  // beforeunload are not fired on mobile, and they stop the back/forward cache.
  const onHide = (): void => void saver.flush();
  const onVisibility = (): void => {
    if (page.document.visibilityState === 'hidden') onHide();
  };
  page.window.addEventListener('pagehide', onHide);
  page.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    page.window.removeEventListener('pagehide', onHide);
    page.document.removeEventListener('visibilitychange', onVisibility);
  };
}

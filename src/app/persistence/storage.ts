import { createStore, get, set, type UseStore } from 'idb-keyval';
import { parseSavedSession, type SavedSession } from './validate';

// Autosave keeps the session in IndexedDB so a reload or a crash loses nothing. Two promises to
// the user: a failure to save never breaks the page (the session stays open in memory and the
// page says so once), and a saved record this page cannot read is kept aside, never overwritten.

/** The little of a key-value store this module needs; IndexedDB in the page, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The key of the autosaved session. */
export const SESSION_KEY = 'session';
/** The key of the list of saved records this page could not read: `{ error, record }[]`. */
export const BACKUP_KEY = 'unreadable-sessions';

/** Why a save or load failed: the page may word its notice by this. */
export type StorageFailureReason = 'full' | 'unavailable' | 'invalid' | 'unreadable' | 'failed';

/** A failure; `repeat` is true when the same reason was already reported since the last success. */
export interface StorageFailure {
  ok: false;
  reason: StorageFailureReason;
  error: string;
  repeat: boolean;
}

/** The outcome of saveSession. */
export type SaveResult = { ok: true } | StorageFailure;
/** The outcome of loadSession: the session, none saved yet, or why it cannot be had. */
export type LoadResult = { ok: true; session: SavedSession | undefined } | StorageFailure;

/** Saves and loads the autosaved session. */
export interface SessionStorage {
  /** Saves the session; resolves to a failure (never rejects) if the browser refuses. */
  saveSession(session: SavedSession): Promise<SaveResult>;
  /** Loads and checks the autosaved session, keeping an unreadable one aside. */
  loadSession(): Promise<LoadResult>;
}

const KEEP_A_COPY = 'It is still open here: download it as a file to keep it.';
const MESSAGES: Record<'full' | 'unavailable', string> = {
  full: `Your browser’s storage is full, so this session was not autosaved. ${KEEP_A_COPY}`,
  unavailable:
    'Your browser does not let this page store data (private browsing?), so this session is ' +
    `not autosaved. ${KEEP_A_COPY}`,
};

/** Creates the autosave storage over a key-value store (idbStore() in the page). */
export function createSessionStorage(store: KeyValueStore): SessionStorage {
  let lastReported: StorageFailureReason | undefined;
  // An unreadable record whose copy could not be written yet: saving must not overwrite it.
  let unsaved: { error: string; record: unknown } | undefined;

  const failure = (reason: StorageFailureReason, error: string): StorageFailure => {
    const repeat = lastReported === reason;
    lastReported = reason;
    return { ok: false, reason, error, repeat };
  };
  const keepAside = async (): Promise<boolean> => {
    if (unsaved === undefined) return true;
    try {
      await store.set(BACKUP_KEY, withBackup(await store.get(BACKUP_KEY), unsaved));
      unsaved = undefined;
      return true;
    } catch {
      return false;
    }
  };

  return {
    async saveSession(session) {
      const checked = parseSavedSession(session);
      if (!checked.ok) return failure('invalid', `Autosave stopped. ${checked.error}`);
      if (!(await keepAside())) {
        return failure(
          'failed',
          'Autosave is paused: the earlier saved session could not be read or copied aside, ' +
            `and saving now would overwrite it. ${KEEP_A_COPY}`,
        );
      }
      try {
        await store.set(SESSION_KEY, checked.session);
      } catch (e) {
        const reason = classify(e);
        return failure(reason, reason === 'failed' ? failedMessage(e) : MESSAGES[reason]);
      }
      lastReported = undefined;
      return { ok: true };
    },

    async loadSession() {
      let record: unknown;
      try {
        record = await store.get(SESSION_KEY);
      } catch (e) {
        const reason = classify(e);
        if (reason === 'unavailable') return failure(reason, MESSAGES.unavailable);
        return failure('failed', `The autosaved session could not be loaded (${errorText(e)}).`);
      }
      if (record === undefined) return { ok: true, session: undefined };
      const parsed = parseSavedSession(record, 'saved session');
      if (parsed.ok) return { ok: true, session: parsed.session };
      unsaved = { error: parsed.error, record };
      const kept = await keepAside();
      return failure(
        'unreadable',
        `${parsed.error} A new session starts; the old one ` +
          (kept
            ? 'is kept aside in this browser and will not be overwritten.'
            : 'stays where it is, and autosave will not overwrite it.'),
      );
    },
  };
}

/** Appends an unreadable record to the backup list, once, keeping whatever the list held. */
function withBackup(current: unknown, entry: { error: string; record: unknown }): unknown[] {
  const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
  const last: unknown = list[list.length - 1];
  // A page reloaded before it saves finds the same record again; one copy is enough.
  if (sameRecord((last as { record?: unknown } | undefined)?.record, entry.record)) return list;
  return [...list, entry];
}

function sameRecord(a: unknown, b: unknown): boolean {
  try {
    return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** Sorts a storage error: quota (named differently by each browser), no storage at all, or other. */
function classify(e: unknown): 'full' | 'unavailable' | 'failed' {
  const { name, code } = (e ?? {}) as { name?: unknown; code?: unknown };
  // Chrome and Safari: QuotaExceededError (legacy code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) {
    return 'full';
  }
  // Private modes and blocked storage refuse to open the database with one of these.
  if (
    ['InvalidStateError', 'SecurityError', 'NotAllowedError', 'NotSupportedError'].includes(
      String(name),
    )
  ) {
    return 'unavailable';
  }
  return 'failed';
}

function failedMessage(e: unknown): string {
  return `Autosave failed (${errorText(e)}). ${KEEP_A_COPY}`;
}

function errorText(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return `${String(name ?? 'Error')}: ${String(message)}`;
  }
  return String(e);
}

/** Returns the page's IndexedDB store (database "wheelhouse", object store "sessions"). */
export function idbStore(): KeyValueStore {
  let use: UseStore | undefined;
  // Opened on first use: idb-keyval's createStore opens the database at once, and a browser with
  // no IndexedDB would throw before the page could say anything.
  const open = (): UseStore => {
    if (typeof indexedDB === 'undefined') {
      throw Object.assign(new Error('IndexedDB is not available'), { name: 'NotSupportedError' });
    }
    return (use ??= createStore('wheelhouse', 'sessions'));
  };
  return {
    get: async (key) => get(key, open()),
    set: async (key, value) => set(key, value, open()),
  };
}

/** Asks the browser not to evict this site's storage under pressure; resolves to whether it will. */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<boolean> {
  if (typeof storage?.persist !== 'function') return false;
  try {
    // Asking again when already granted would prompt in some browsers for nothing.
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

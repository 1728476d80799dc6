import { createAutosaver, flushOnPageHide } from '../persistence/autosave';
import { decodeShare, encodeShare, hasShareFragment } from '../persistence/share';
import {
  createSessionStorage,
  idbStore,
  requestPersistence,
  type KeyValueStore,
  type SessionStorage,
} from '../persistence/storage';
import { parseSavedSession, type SavedSession } from '../persistence/validate';
import type { EditorStore } from '../state/editor';
import { pageHistory } from '../views/Terminal/history';
import type { SessionConfig } from '../worker/protocol';
import type { SessionController } from './controller';

// Where a session comes from when the page opens (a shared link, else the autosave, else a fresh
// cluster) and how it is kept: autosaved to IndexedDB and shared as a link or a file. A bad link
// or record is reported and never replaces the student's local work.

/** The cluster a fresh session starts with. */
export const DEFAULT_CONFIG = { seed: 1, nodes: 3 };

/** While a lesson runs, the sandbox's autosave is left as it was. */
let suspended = false;

/** Pauses or resumes autosaving (a lesson is not the student's sandbox). */
export function suspendAutosave(value: boolean): void {
  suspended = value;
}

/** Largest cluster a page may ask for, as a saved session may hold. */
const MAX_NODES = 5000;

/**
 * Returns the cluster the page's query asks for (?nodes=N&seed=S), or undefined when it asks
 * for none or asks wrongly (then `warn` says why and the usual session opens).
 */
export function clusterFromQuery(
  search: string,
  warn: (text: string) => void,
): SessionConfig | undefined {
  const q = new URLSearchParams(search);
  if (!q.has('nodes') && !q.has('seed')) return undefined;
  const nodes = Number(q.get('nodes') ?? DEFAULT_CONFIG.nodes);
  const seed = Number(q.get('seed') ?? DEFAULT_CONFIG.seed);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES) {
    warn(
      `The address asks for ${q.get('nodes')} nodes; it must be a whole number from 1 to ${MAX_NODES}.`,
    );
    return undefined;
  }
  if (!Number.isSafeInteger(seed)) {
    warn(`The address asks for seed ${q.get('seed')}; it must be a whole number.`);
    return undefined;
  }
  return { nodes, seed };
}

/** Returns the session as it stands, in the saved format. */
export function currentSession(session: SessionController, editor: EditorStore): SavedSession {
  const { config, ops } = session.log();
  const { files, active } = editor.getState();
  return {
    version: 1,
    config,
    ops,
    editor: { files, active },
    terminalHistory: [...pageHistory.entries()],
  };
}

/** Starts a saved session: its engine ops replayed, its editor tabs and terminal history back. */
export async function restore(
  session: SessionController,
  editor: EditorStore,
  saved: SavedSession,
): Promise<void> {
  editor.setState({ files: saved.editor.files, active: saved.editor.active });
  pageHistory.replace(saved.terminalHistory ?? []);
  await session.start(saved.config, saved.ops);
}

/** Where the student's own session is kept while a shared one is open over it. */
const SET_ASIDE_KEY = 'session-before-link';

/** A message for the student, with an optional button. */
export interface Notice {
  text: string;
  action?: { label: string; run(): void };
}

/**
 * Opens a shared link's session, first setting the student's own saved session aside so the
 * autosave of the shared one cannot overwrite it. Returns whether the link held a session.
 */
async function openLink(
  session: SessionController,
  editor: EditorStore,
  storage: SessionStorage,
  store: KeyValueStore,
  notify: (n: Notice) => void,
): Promise<boolean> {
  const shared = decodeShare(location.hash);
  history.replaceState(null, '', location.pathname + location.search);
  if (!shared.ok) {
    notify({ text: `${shared.error} Your own session is still open.` });
    return false;
  }
  // The session open in this tab if there is one (another tab may have autosaved since), else
  // the autosaved one.
  const saved = session.store.getState().ready ? undefined : await storage.loadSession();
  const own = saved ? (saved.ok ? saved.session : undefined) : currentSession(session, editor);
  if (own) await store.set(SET_ASIDE_KEY, own).catch(() => undefined);
  await restore(session, editor, shared.session);
  if (own)
    notify({
      text: 'You opened a shared session. Your own session was set aside.',
      action: {
        label: 'Back to my session',
        run: () => {
          void store.get(SET_ASIDE_KEY).then((value) => {
            const parsed = parseSavedSession(value, 'saved session');
            if (parsed.ok) void restore(session, editor, parsed.session);
            else notify({ text: parsed.error });
          });
        },
      },
    });
  return true;
}

/** Opens the page's session and keeps it saved; reports problems through `notify`. */
export async function openSession(
  session: SessionController,
  editor: EditorStore,
  notify: (n: Notice) => void,
): Promise<void> {
  const store = idbStore();
  const storage = createSessionStorage(store);
  const warn = (text: string) => notify({ text });
  const opened =
    hasShareFragment(location.hash) && (await openLink(session, editor, storage, store, notify));
  window.addEventListener('hashchange', () => {
    if (hasShareFragment(location.hash)) void openLink(session, editor, storage, store, notify);
  });
  const asked = opened ? undefined : clusterFromQuery(location.search, warn);
  if (asked) {
    // A page opened for a particular cluster (?nodes=100&seed=7) starts it fresh; the autosave
    // it will overwrite is set aside first.
    const saved = await storage.loadSession();
    if (saved.ok && saved.session)
      await store.set(SET_ASIDE_KEY, saved.session).catch(() => undefined);
    await session.start(asked);
  } else if (!opened) {
    const saved = await storage.loadSession();
    if (!saved.ok) warn(saved.error);
    if (saved.ok && saved.session) await restore(session, editor, saved.session);
    else await session.start(DEFAULT_CONFIG);
  }
  let persisted = false;
  const saver = createAutosaver({
    snapshot: () => currentSession(session, editor),
    save: (s) => storage.saveSession(s),
    onResult: (r) => {
      if (!r.ok && !r.repeat) warn(r.error);
      if (r.ok && !persisted) {
        persisted = true;
        void requestPersistence();
      }
    },
  });
  session.store.subscribe((s, before) => {
    if (!suspended && s.revision !== before.revision) saver.changed();
  });
  editor.subscribe(() => {
    if (!suspended) saver.changed();
  });
  flushOnPageHide(saver);
}

/** The outcome of Share: a link, or the advice to save a file because the session is too long. */
export type ShareOutcome = { ok: true; url: string } | { ok: false; message: string };

/** Builds the share link for the session as it stands. */
export function shareLink(session: SessionController, editor: EditorStore): ShareOutcome {
  const encoded = encodeShare(currentSession(session, editor));
  if (!encoded.ok)
    return {
      ok: false,
      message: `This session is too long for a link (${encoded.bytes.toLocaleString('en-US')} characters; links hold 8,000). Save it as a file instead.`,
    };
  return {
    ok: true,
    url: `${location.origin}${location.pathname}${location.search}${encoded.fragment}`,
  };
}

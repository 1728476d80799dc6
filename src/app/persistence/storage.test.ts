import { describe, expect, it } from 'vitest';
import { sampleSession } from './fixtures';
import {
  BACKUP_KEY,
  createSessionStorage,
  idbStore,
  requestPersistence,
  SESSION_KEY,
  type KeyValueStore,
} from './storage';

/** A Map-backed store whose next calls can be made to fail with a given error. */
class FakeStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  failSet: ((key: string) => unknown) | undefined;
  failGet: unknown;

  async get(key: string): Promise<unknown> {
    if (this.failGet !== undefined) throw this.failGet;
    return structuredClone(this.data.get(key));
  }

  async set(key: string, value: unknown): Promise<void> {
    const error = this.failSet?.(key);
    if (error !== undefined) throw error;
    this.data.set(key, structuredClone(value));
  }
}

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const privateMode = new DOMException('A mutation operation was attempted', 'InvalidStateError');

describe('createSessionStorage', () => {
  it('saves a session and loads it back; nothing saved loads as undefined', async () => {
    const store = new FakeStore();
    const storage = createSessionStorage(store);
    expect(await storage.loadSession()).toEqual({ ok: true, session: undefined });
    expect(await storage.saveSession(sampleSession())).toEqual({ ok: true });
    expect(await storage.loadSession()).toEqual({ ok: true, session: sampleSession() });
  });

  const failures: [string, unknown, string, RegExp][] = [
    ['QuotaExceededError', quota, 'full', /^Your browser’s storage is full/],
    ['Firefox quota', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'full', /storage is full/],
    ['legacy quota code 22', { name: 'Error', code: 22 }, 'full', /storage is full/],
    ['private mode', privateMode, 'unavailable', /does not let this page store data/],
    ['anything else', new TypeError('boom'), 'failed', /^Autosave failed \(TypeError: boom\)/],
    ['a thrown string', 'odd', 'failed', /^Autosave failed \(odd\)/],
  ];

  it.each(failures)(
    'resolves a save failing with %s to a message, once',
    async (_n, error, reason, text) => {
      const store = new FakeStore();
      store.failSet = () => error;
      const storage = createSessionStorage(store);
      const first = await storage.saveSession(sampleSession());
      expect(first).toMatchObject({ ok: false, reason, repeat: false });
      if (!first.ok) expect(first.error).toMatch(text);
      expect(await storage.saveSession(sampleSession())).toMatchObject({ reason, repeat: true });
      store.failSet = undefined;
      expect(await storage.saveSession(sampleSession())).toEqual({ ok: true });
      store.failSet = () => error;
      expect(await storage.saveSession(sampleSession())).toMatchObject({ repeat: false });
    },
  );

  it('reports unavailable storage once across load and save', async () => {
    const store = new FakeStore();
    store.failGet = privateMode;
    store.failSet = () => privateMode;
    const storage = createSessionStorage(store);
    expect(await storage.loadSession()).toMatchObject({ reason: 'unavailable', repeat: false });
    expect(await storage.saveSession(sampleSession())).toMatchObject({
      reason: 'unavailable',
      repeat: true,
    });
  });

  it('refuses to save a session beyond the limits, naming the field', async () => {
    const storage = createSessionStorage(new FakeStore());
    const r = await storage.saveSession({ ...sampleSession(), config: { seed: 1, nodes: 0 } });
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.error).toMatch(/^Autosave stopped\. .*config\.nodes/);
  });

  it('keeps an unreadable record aside, once, and saves over the main key afterwards', async () => {
    const store = new FakeStore();
    const broken = { version: 1, config: { seed: 1, nodes: -4 } };
    store.data.set(SESSION_KEY, broken);
    const storage = createSessionStorage(store);
    const r = await storage.loadSession();
    expect(r).toMatchObject({ ok: false, reason: 'unreadable' });
    if (!r.ok) {
      expect(r.error).toMatch(
        /^This saved session is not a valid Wheelhouse session: config.nodes/,
      );
      expect(r.error).toMatch(/kept aside in this browser/);
    }
    // A reload before any save finds the same record: it is not copied twice.
    await createSessionStorage(store).loadSession();
    expect(store.data.get(BACKUP_KEY)).toEqual([
      { error: expect.stringContaining('config.nodes'), record: broken },
    ]);
    expect(await storage.saveSession(sampleSession())).toEqual({ ok: true });
    expect(store.data.get(SESSION_KEY)).toEqual(sampleSession());
  });

  it('keeps what was already under the backup key', async () => {
    const store = new FakeStore();
    store.data.set(BACKUP_KEY, 'something older');
    store.data.set(SESSION_KEY, { version: 9 });
    const r = await createSessionStorage(store).loadSession();
    if (!r.ok)
      expect(r.error).toMatch(/^This saved session was made by a newer Wheelhouse \(format 9\)/);
    expect(store.data.get(BACKUP_KEY)).toEqual([
      'something older',
      { error: expect.any(String), record: { version: 9 } },
    ]);
  });

  it('never overwrites an unreadable record it could not copy aside', async () => {
    const store = new FakeStore();
    store.data.set(SESSION_KEY, 'not a session');
    store.failSet = () => quota;
    const storage = createSessionStorage(store);
    const r = await storage.loadSession();
    if (!r.ok) expect(r.error).toMatch(/autosave will not overwrite it/);
    store.failSet = (key) => (key === BACKUP_KEY ? quota : undefined);
    expect(await storage.saveSession(sampleSession())).toMatchObject({
      ok: false,
      reason: 'failed',
    });
    expect(store.data.get(SESSION_KEY)).toBe('not a session');
    // Once there is room for the copy, autosave resumes.
    store.failSet = undefined;
    expect(await storage.saveSession(sampleSession())).toEqual({ ok: true });
    expect(store.data.get(BACKUP_KEY)).toEqual([
      { error: expect.any(String), record: 'not a session' },
    ]);
  });
});

describe('idbStore', () => {
  it('reports a browser without IndexedDB as unavailable instead of throwing', async () => {
    // Node has no IndexedDB: the same path a browser that blocks storage takes.
    const storage = createSessionStorage(idbStore());
    expect(await storage.loadSession()).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('requestPersistence', () => {
  it.each([
    ['unsupported', {} as never, false],
    ['already persisted', { persisted: async () => true, persist: async () => false }, true],
    ['granted', { persisted: async () => false, persist: async () => true }, true],
    ['denied', { persisted: async () => false, persist: async () => false }, false],
    [
      'throwing',
      { persisted: async () => false, persist: () => Promise.reject(new Error('no')) },
      false,
    ],
  ])('%s → %s', async (_name, storage, expected) => {
    expect(await requestPersistence(storage)).toBe(expected);
  });
});

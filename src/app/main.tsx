import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { workerRemote } from './engine/remote';
import { SessionController } from './session/controller';
import { LessonMode } from './session/lessonMode';
import { openSession, type Notice } from './session/persist';
import { createEditorStore } from './state/editor';
import { createPlaybackStore } from './state/playback';
import './styles.css';

const session = new SessionController(workerRemote(), createPlaybackStore());
const editor = createEditorStore();
const lessons = new LessonMode(session, editor);

// Problems opening or saving the session: shown until dismissed, never fatal.
let notices: Notice[] = [];
const listeners = new Set<() => void>();
const setNotices = (next: Notice[]) => {
  notices = next;
  for (const l of listeners) l();
};
const notify = (n: Notice) => setNotices([...notices.filter((x) => x.text !== n.text), n]);

void openSession(session, editor, notify)
  .then(async () => {
    if (!new URLSearchParams(location.search).has('lesson')) return;
    const { openLessonFromQuery } = await import('./views/Lessons/openFromQuery');
    await openLessonFromQuery(location.search, lessons, (text) => notify({ text }));
  })
  .catch((e: Error) => notify({ text: `The simulator could not start: ${e.message}` }));

function Root() {
  const current = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => notices,
  );
  return (
    <App
      session={session}
      editor={editor}
      lessons={lessons}
      notices={current}
      onDismiss={() => setNotices([])}
    />
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );

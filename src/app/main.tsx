import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { workerRemote } from './engine/remote';
import { SessionController } from './session/controller';
import { createPlaybackStore } from './state/playback';
import './styles.css';

/** The cluster a fresh session starts with. */
const DEFAULT_SESSION = { seed: 1, nodes: 3 };

const session = new SessionController(workerRemote(), createPlaybackStore());
void session
  .start(DEFAULT_SESSION)
  .catch((e: Error) =>
    session.store.setState({ error: `The simulator could not start: ${e.message}` }),
  );

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );

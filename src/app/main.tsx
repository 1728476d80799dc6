import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Wheelhouse</h1>
      <p>
        A simulated Kubernetes control plane. The visual app arrives in a later release; the engine
        runs headless today through the sim CLI.
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

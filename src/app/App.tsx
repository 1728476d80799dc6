import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { applyMarkers } from './applyMarkers';
import { automationApi } from './automation';
import { installShortcuts, SHORTCUTS } from './keys';
import { SAMPLE_DEPLOYMENT } from './sample';
import type { SessionController } from './session/controller';
import { Caption } from './views/Caption/Caption';
import { ChaosPanel } from './views/Chaos/ChaosPanel';
import { ClusterView } from './views/Cluster/ClusterView';
import { TimeControls } from './views/Controls/TimeControls';
import { Editor, type EditorFile, type EditorMarker } from './views/Editor/Editor';
import { FlowView } from './views/Flow/FlowView';
import { Inspector, type Selection } from './views/Inspector/Inspector';
import { Terminal } from './views/Terminal/Terminal';

/** The page: editor, flow, cluster, inspector and terminal around one session. */
export function App({ session }: { session: SessionController }) {
  const ready = useStore(session.store, (s) => s.ready);
  const components = useStore(session.store, (s) => s.components);
  const error = useStore(session.store, (s) => s.error);
  const [files, setFiles] = useState<EditorFile[]>([{ name: 'web.yaml', text: SAMPLE_DEPLOYMENT }]);
  const [active, setActive] = useState(0);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [applyOutput, setApplyOutput] = useState('');
  const [selection, setSelection] = useState<Selection | undefined>(undefined);

  useEffect(() => {
    window.wheelhouse = automationApi(session);
    const uninstall = installShortcuts(session);
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      session.tick(Math.min(100, now - last));
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      uninstall();
    };
  }, [session]);

  const apply = async (text: string) => {
    const output = await session.apply(text);
    setApplyOutput(output);
    setMarkers(applyMarkers(output));
  };
  const names = useMemo(() => () => session.engine.names(), [session]);

  return (
    <div className="app">
      <header>
        <h1>Wheelhouse</h1>
        <TimeControls session={session} />
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <main className={ready ? 'layout' : 'layout loading'} aria-busy={!ready}>
        <section className="pane editorpane" aria-label="Editor">
          <h2 className="panetitle">YAML</h2>
          <Editor
            files={files}
            active={active}
            markers={markers}
            onChange={(f, a) => {
              setFiles(f);
              setActive(a);
              setMarkers([]);
            }}
            onApply={(text) => void apply(text)}
          />
          {applyOutput && (
            <pre className="applyoutput" aria-label="Apply output">
              {applyOutput}
            </pre>
          )}
        </section>
        <section className="pane flowpane" aria-label="Control plane">
          <FlowView
            session={session}
            components={components}
            selectedHop={selection?.kind === 'hop' ? selection.id : undefined}
            onSelectHop={(id) => setSelection({ kind: 'hop', id })}
            onSelectComponent={(name) => setSelection({ kind: 'component', name })}
          />
          <Caption session={session} />
          <ChaosPanel session={session} onOutput={setApplyOutput} />
        </section>
        <section className="pane inspectorpane" aria-label="Inspector panel">
          <Inspector session={session} selection={selection} onSelect={setSelection} />
        </section>
        <section className="pane clusterpane" aria-label="Cluster panel">
          <ClusterView
            session={session}
            selected={selection?.kind === 'object' ? selection.key : undefined}
            onSelect={(key) => setSelection({ kind: 'object', key })}
          />
        </section>
        <section className="pane terminalpane" aria-label="Terminal">
          <Terminal run={(line) => session.run(line)} names={names} />
        </section>
      </main>
      <footer>
        <span>Keys:</span>
        {SHORTCUTS.map(([k, what]) => (
          <span key={k}>
            <kbd>{k}</kbd> {what}
          </span>
        ))}
      </footer>
    </div>
  );
}

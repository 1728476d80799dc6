import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { applyMarkers } from './applyMarkers';
import { automationApi } from './automation';
import { installShortcuts, SHORTCUTS } from './keys';
import type { SessionController } from './session/controller';
import type { LessonMode } from './session/lessonMode';
import type { Notice } from './session/persist';
import type { EditorStore } from './state/editor';
import { Caption } from './views/Caption/Caption';
import { ChaosPanel } from './views/Chaos/ChaosPanel';
import { ClusterView } from './views/Cluster/ClusterView';
import { TimeControls } from './views/Controls/TimeControls';
import { Editor, type EditorMarker } from './views/Editor/Editor';
import { FlowView } from './views/Flow/FlowView';
import { Inspector, type Selection } from './views/Inspector/Inspector';
import { SharePanel } from './views/Share/SharePanel';
import { Terminal } from './views/Terminal/Terminal';

// Lessons bring Markdown rendering; they load when first opened.
const LessonPanel = lazy(() =>
  import('./views/Lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })),
);

/** The page: editor, flow, cluster, inspector and terminal around one session. */
export function App(props: {
  session: SessionController;
  editor: EditorStore;
  notices: Notice[];
  lessons: LessonMode;
  onDismiss(): void;
}) {
  const { session, editor } = props;
  const ready = useStore(session.store, (s) => s.ready);
  const components = useStore(session.store, (s) => s.components);
  const error = useStore(session.store, (s) => s.error);
  const { files, active } = useStore(editor);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [applyOutput, setApplyOutput] = useState('');
  const [selection, setSelection] = useState<Selection | undefined>(undefined);
  const [right, setRight] = useState<'inspector' | 'lessons'>('inspector');
  const [presenter, setPresenter] = useState(false);
  const lessonOn = useStore(props.lessons.store, (s) => s.lesson !== undefined);
  useEffect(() => {
    if (lessonOn) setRight('lessons');
  }, [lessonOn]);

  // The automation API appears once the session has started, so scripts never race its start.
  useEffect(() => {
    if (ready) window.wheelhouse = automationApi(session);
  }, [session, ready]);

  useEffect(() => {
    const uninstall = installShortcuts(session, props.lessons);
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
  }, [session, props.lessons]);

  const apply = async (text: string) => {
    const output = await session.apply(text);
    setApplyOutput(output);
    setMarkers(applyMarkers(output));
  };
  const names = useMemo(() => () => session.engine.names(), [session]);

  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header>
        <h1>Wheelhouse</h1>
        <TimeControls session={session} />
        <button
          aria-pressed={right === 'lessons'}
          onClick={() => setRight(right === 'lessons' ? 'inspector' : 'lessons')}
        >
          Lessons
        </button>
        <button aria-pressed={presenter} onClick={() => setPresenter(!presenter)}>
          Presenter
        </button>
        <SharePanel
          session={session}
          editor={editor}
          warn={(m) => session.store.setState({ error: m })}
        />
      </header>
      {[...props.notices, ...(error ? [{ text: error }] : [])].map((n) => (
        <p key={n.text} className="error" role="alert">
          {n.text}{' '}
          {n.action && (
            <button
              onClick={() => {
                n.action?.run();
                props.onDismiss();
              }}
            >
              {n.action.label}
            </button>
          )}{' '}
          <button
            onClick={() => {
              props.onDismiss();
              session.store.setState({ error: undefined });
            }}
          >
            Dismiss
          </button>
        </p>
      ))}
      <main className={ready ? 'layout' : 'layout loading'} aria-busy={!ready}>
        <section className="pane editorpane" aria-label="Editor">
          <h2 className="panetitle">YAML</h2>
          <Editor
            files={files}
            active={active}
            markers={markers}
            onChange={(f, a) => {
              editor.setState({ files: f, active: a });
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
            onSelectHop={(id) => {
              setSelection({ kind: 'hop', id });
              setRight('inspector');
            }}
            onSelectComponent={(name) => {
              setSelection({ kind: 'component', name });
              setRight('inspector');
            }}
          />
          <Caption session={session} />
          <ChaosPanel session={session} onOutput={setApplyOutput} />
        </section>
        <section className="pane inspectorpane" aria-label="Inspector panel">
          <div role="tablist" aria-label="Right panel">
            <button
              role="tab"
              aria-selected={right === 'lessons'}
              onClick={() => setRight('lessons')}
            >
              Lesson
            </button>
            <button
              role="tab"
              aria-selected={right === 'inspector'}
              onClick={() => setRight('inspector')}
            >
              Inspector
            </button>
          </div>
          {right === 'lessons' ? (
            <Suspense fallback={<p className="quiet">Loading lessons…</p>}>
              <LessonPanel mode={props.lessons} session={session} />
            </Suspense>
          ) : (
            <Inspector
              session={session}
              selection={selection}
              onSelect={(s) => {
                setSelection(s);
              }}
            />
          )}
        </section>
        <section className="pane clusterpane" aria-label="Cluster panel">
          <ClusterView
            session={session}
            selected={selection?.kind === 'object' ? selection.key : undefined}
            onSelect={(key) => {
              setSelection({ kind: 'object', key });
              setRight('inspector');
            }}
          />
        </section>
        <section className="pane terminalpane" aria-label="Terminal">
          <h2 className="panetitle">Terminal</h2>
          <p className="hint quiet">
            Type <code>kubectl get pods</code> or <code>sim help</code>; Tab completes.
          </p>
          <div className="terminalhost">
            <Terminal
              run={(line) => {
                const refused = props.lessons.refuses(line);
                return refused ? Promise.resolve(refused) : session.run(line);
              }}
              names={names}
            />
          </div>
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

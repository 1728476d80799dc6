import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EditorTabs } from './EditorTabs';
import {
  currentMarkers,
  describeMarker,
  offsetOf,
  toMarkerRanges,
  type MarkerOrigin,
} from './markers';
import { addTab, closeTab, editActive, renameTab, tabKeys, type Tabs } from './tabs';
import type { YamlEditorHandle } from './monaco/yamlEditor';
import styles from './Editor.module.css';

/** Holds one tab: its file name and YAML text. */
export interface EditorFile {
  name: string;
  text: string;
}
/** Points at an error a failed Apply reported, 1-based. */
export interface EditorMarker {
  line: number;
  column: number;
  message: string;
} // 1-based, from a failed Apply
/** Describes what the page hands the editor and how the editor reports back. */
export interface EditorProps {
  files: EditorFile[]; // tabs, in order
  active: number; // index of the active tab
  markers: EditorMarker[]; // errors to show in the active file (from the last Apply)
  onChange(files: EditorFile[], active: number): void; // every edit, tab switch, new tab, close, rename
  onApply(text: string): void; // Apply button or Ctrl/Cmd+Enter: the active file's text
}

const LABEL = 'YAML editor';
const LINE_HEIGHT = 20; // px, the textarea's line-height in Editor.module.css

/** Renders the YAML editor: tabs, a plain textarea until Monaco arrives, Apply, and its errors. */
export function Editor({ files, active, markers, onChange, onApply }: EditorProps) {
  const index = files.length === 0 ? -1 : Math.min(Math.max(active, 0), files.length - 1);
  const text = files[index]?.text;
  const keys = tabKeys(files);
  const key = keys[index];
  const errorsId = useId();

  const hostRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const handleRef = useRef<YamlEditorHandle | null>(null);
  const [monacoReady, setMonacoReady] = useState(false);
  const [problems, setProblems] = useState(0);
  const caret = useRef<number | undefined>(undefined);

  // Callbacks handed to Monaco once must see the latest props.
  const latest = useRef({ files, index, onChange, onApply });
  useLayoutEffect(() => {
    latest.current = { files, index, onChange, onApply };
  });
  const emit = (tabs: Tabs) => latest.current.onChange(tabs.files, tabs.active);
  const tabs = (): Tabs => ({ files: latest.current.files, active: latest.current.index });

  // [MRK3] markers are shown only for the file and text they were reported for.
  const [origin, setOrigin] = useState<{ markers: EditorMarker[] } & MarkerOrigin>({
    markers,
    active: index,
    text,
  });
  if (origin.markers !== markers) setOrigin({ markers, active: index, text });
  const shown = currentMarkers(markers, origin, { active: index, text });

  useEffect(() => {
    let cancelled = false;
    import('./monaco/yamlEditor')
      .then(({ createYamlEditor }) => {
        if (cancelled || !hostRef.current) return;
        const area = textareaRef.current;
        // Hand the textarea's focus and caret to Monaco when it takes over.
        if (area && document.activeElement === area) caret.current = area.selectionStart;
        handleRef.current = createYamlEditor(hostRef.current, {
          ariaLabel: LABEL,
          onEdit: (value) => emit(editActive(tabs(), value)),
          onApply: (value) => latest.current.onApply(value),
          onProblems: setProblems,
        });
        setMonacoReady(true);
      })
      // Without Monaco the textarea stays: the page remains usable.
      .catch((error: unknown) => console.error('YAML editor failed to load', error));
    return () => {
      cancelled = true;
      handleRef.current?.dispose();
      handleRef.current = null;
    };
    // Monaco is created once; its callbacks read `latest`.
  }, []);

  useEffect(() => {
    const handle = handleRef.current;
    if (!monacoReady || !handle || key === undefined || text === undefined) return;
    handle.show(key, text);
    handle.retain(keys);
    if (caret.current !== undefined) {
      handle.focus(caret.current);
      caret.current = undefined;
    }
  });

  useEffect(() => {
    if (monacoReady && text !== undefined)
      handleRef.current?.setMarkers(toMarkerRanges(shown, text));
  }, [monacoReady, shown, text]);

  const apply = () => {
    const value = handleRef.current?.value() ?? text;
    if (value !== undefined) onApply(value);
  };
  const reveal = (line: number, column: number) => {
    const area = textareaRef.current;
    if (handleRef.current) handleRef.current.reveal(line, column);
    else if (area && text !== undefined) {
      const offset = offsetOf(text, line, column);
      area.focus();
      area.setSelectionRange(offset, offset);
      // Put the line near the top: a caret move alone does not scroll a textarea.
      area.scrollTop = Math.max(0, (line - 3) * LINE_HEIGHT);
    }
  };
  const onTextareaKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      apply();
    }
  };

  return (
    <section className={styles.editor} aria-label="Editor">
      <EditorTabs
        files={files}
        active={index}
        onSelect={(i) => i !== index && onChange(files, i)}
        onClose={(i) => emit(closeTab({ files, active: index }, i))}
        onRename={(i, name) => emit(renameTab({ files, active: index }, i, name))}
        onAdd={() => emit(addTab({ files, active: index }))}
      />
      <div className={styles.surface}>
        {!monacoReady && text !== undefined && (
          <textarea
            ref={textareaRef}
            className={styles.fallback}
            aria-label={LABEL}
            aria-describedby={shown.length > 0 ? errorsId : undefined}
            spellCheck={false}
            value={text}
            onChange={(e) => emit(editActive({ files, active: index }, e.target.value))}
            onKeyDown={onTextareaKey}
          />
        )}
        <div ref={hostRef} className={styles.monaco} hidden={!monacoReady} />
      </div>
      <div className={styles.toolbar}>
        <button
          type="button"
          className={styles.apply}
          onClick={apply}
          disabled={text === undefined}
        >
          Apply
        </button>
        <span className={styles.hint} aria-hidden="true">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
        {monacoReady && (
          <span className={styles.problems} role="status">
            {problems === 0
              ? 'No schema problems'
              : `${problems} schema problem${problems === 1 ? '' : 's'} (F8 goes to the next)`}
          </span>
        )}
      </div>
      <div id={errorsId} className={styles.errors} aria-live="polite">
        {shown.length > 0 && (
          <>
            <h3 className={styles.errorsTitle}>Apply failed</h3>
            <ul>
              {shown.map((m, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className={styles.errorLink}
                    onClick={() => reveal(m.line, m.column)}
                  >
                    {describeMarker(m)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

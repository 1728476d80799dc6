// One Monaco editor for all tabs: each tab keeps its own model (so undo history and schema
// validation are per file) and its own cursor and scroll position.
import { EchoFilter } from '../echo';
import type { MarkerRange } from '../markers';
import { monaco } from './monaco';

/** Says what the page needs from the editor once Monaco has arrived. */
export interface YamlEditorHandle {
  show(key: string, text: string): void;
  retain(keys: string[]): void;
  setMarkers(markers: MarkerRange[]): void;
  reveal(line: number, column: number): void;
  value(): string | undefined;
  focus(offset?: number): void;
  dispose(): void;
}

/** Says how the editor reports back: user edits, Ctrl/Cmd+Enter, and schema problem counts. */
export interface YamlEditorCallbacks {
  ariaLabel: string;
  onEdit(text: string): void;
  onApply(text: string): void;
  onProblems(count: number): void;
}

const APPLY_OWNER = 'apply';

/** Creates the Monaco editor in `host`; it starts with no model until `show` is called. */
export function createYamlEditor(host: HTMLElement, cb: YamlEditorCallbacks): YamlEditorHandle {
  const models = new Map<string, monaco.editor.ITextModel>();
  const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  const echoes = new Map<monaco.editor.ITextModel, EchoFilter>();
  let current: string | undefined;
  let syncing = false;
  let serial = 0;

  const editor = monaco.editor.create(host, {
    model: null,
    ariaLabel: cb.ariaLabel,
    automaticLayout: true,
    fixedOverflowWidgets: true,
    fontSize: 13,
    lineHeight: 20,
    minimap: { enabled: false },
    padding: { top: 8, bottom: 8 },
    quickSuggestions: { other: true, comments: false, strings: true },
    renderLineHighlight: 'line',
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    theme: 'vs',
  });

  const subscriptions = [
    editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (syncing || !model) return;
      const text = model.getValue();
      echoes.get(model)?.report(text);
      cb.onEdit(text);
    }),
    editor.addAction({
      id: 'wheelhouse.apply',
      label: 'Apply',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => cb.onApply(editor.getValue()),
    }),
    monaco.editor.onDidChangeMarkers(() => reportProblems()),
  ];

  function reportProblems(): void {
    const model = editor.getModel();
    if (!model) return;
    const problems = monaco.editor
      .getModelMarkers({ resource: model.uri })
      .filter((m) => m.owner !== APPLY_OWNER && m.severity >= monaco.MarkerSeverity.Warning);
    cb.onProblems(problems.length);
  }

  function modelFor(key: string, text: string): monaco.editor.ITextModel {
    let model = models.get(key);
    if (!model) {
      serial += 1;
      // The language server picks the schema by file name (fileMatch '**/*.yaml').
      const uri = monaco.Uri.parse(`file:///wheelhouse/tab-${serial}.yaml`);
      model = monaco.editor.createModel(text, 'yaml', uri);
      models.set(key, model);
      echoes.set(model, new EchoFilter());
    }
    return model;
  }

  return {
    show(key, text) {
      const model = modelFor(key, text);
      if (current !== key) {
        if (current !== undefined) viewStates.set(current, editor.saveViewState());
        editor.setModel(model);
        const state = viewStates.get(key);
        if (state) editor.restoreViewState(state);
        current = key;
        reportProblems();
      }
      if (echoes.get(model)?.shouldApply(text, model.getValue())) {
        // A change from outside (a lesson loading a file): keep it undoable.
        syncing = true;
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        syncing = false;
      }
    },
    retain(keys) {
      for (const [key, model] of models) {
        if (keys.includes(key)) continue;
        if (key === current) continue;
        model.dispose();
        echoes.delete(model);
        models.delete(key);
        viewStates.delete(key);
      }
    },
    setMarkers(markers) {
      const model = editor.getModel();
      for (const m of models.values())
        monaco.editor.setModelMarkers(m, APPLY_OWNER, m === model ? markers : []);
    },
    reveal(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenter({ lineNumber: line, column });
      editor.focus();
    },
    value: () => editor.getModel()?.getValue(),
    focus(offset) {
      const model = editor.getModel();
      if (model && offset !== undefined) editor.setPosition(model.getPositionAt(offset));
      editor.focus();
    },
    dispose() {
      subscriptions.forEach((s) => s.dispose());
      editor.dispose();
      models.forEach((m) => m.dispose());
      models.clear();
    },
  };
}

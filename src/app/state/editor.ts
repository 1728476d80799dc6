import { createStore } from 'zustand/vanilla';
import { SAMPLE_DEPLOYMENT } from '../sample';
import type { EditorFile } from '../views/Editor/Editor';

/** The editor's tabs, kept outside React so autosave and sharing can read them. */
export interface EditorState {
  files: EditorFile[];
  active: number;
}

/** Creates the editor store with the sample Deployment open. */
export function createEditorStore() {
  return createStore<EditorState>(() => ({
    files: [{ name: 'web.yaml', text: SAMPLE_DEPLOYMENT }],
    active: 0,
  }));
}

/** The editor store's type. */
export type EditorStore = ReturnType<typeof createEditorStore>;

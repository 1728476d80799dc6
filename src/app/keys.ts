import type { SessionController } from './session/controller';

/** The page's keyboard shortcuts, as the help lists them. */
export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'Play or pause'],
  ['→', 'Step one moment forward'],
  ['←', 'Step one moment back'],
  ['Ctrl+Enter', 'Apply the editor’s YAML'],
];

/** Reports whether a key event belongs to a text field, the editor or the terminal. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.xterm, .monaco-editor, [data-typing]')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Installs Space / ← / → playback shortcuts on the document; returns the uninstaller. */
export function installShortcuts(session: SessionController): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    // Space on a focused button presses the button; only elsewhere is it play/pause.
    if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      const s = session.store.getState();
      if (s.playing) session.pause();
      else session.play();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      void session.step();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      session.stepBack();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

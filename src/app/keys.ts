import type { SessionController } from './session/controller';
import type { LessonMode } from './session/lessonMode';

/** The page's keyboard shortcuts, as the help lists them. */
export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'Play or pause'],
  ['→', 'Step one moment forward'],
  ['←', 'Step one moment back'],
  ['Ctrl+Enter', 'Apply the editor’s YAML'],
  ['PageDown / PageUp', 'Next / previous lesson step (a presenter’s clicker), else step'],
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
export function installShortcuts(session: SessionController, lessons: LessonMode): () => void {
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
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      // A clicker is the presenter's: it moves through the lesson without waiting for its goals.
      const { lesson, step } = lessons.store.getState();
      const forward = e.key === 'PageDown';
      if (!lesson) void (forward ? session.step() : session.stepBack());
      else void lessons.go(forward ? step + 1 : step - 1);
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

// How far the student got in each lesson, kept in localStorage (a few bytes per lesson). Storage
// that is missing or full only means progress is not remembered.

const KEY = 'wheelhouse.lessons.progress';

/** A lesson's progress: the furthest step reached and whether it was completed. */
export interface LessonProgress {
  step: number;
  done: boolean;
}

/** Returns every lesson's saved progress by lesson id. */
export function loadProgress(): Record<string, LessonProgress> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, LessonProgress>) : {};
  } catch {
    return {};
  }
}

/** Saves one lesson's progress, keeping the furthest step. */
export function saveProgress(id: string, step: number, done: boolean): void {
  const all = loadProgress();
  const before = all[id];
  all[id] = { step: Math.max(step, before?.step ?? 0), done: done || (before?.done ?? false) };
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Progress is a convenience; the lesson itself goes on.
  }
}

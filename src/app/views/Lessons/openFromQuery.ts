import { parseLesson } from '../../../lessons/parse';
import type { LessonMode } from '../../session/lessonMode';
import { catalog } from './catalog';

// `?lesson=04-deployments` (a shipped lesson's id or file) or `?lesson=course/my-lesson.yaml` (a
// file next to the site, same origin only) opens that lesson when the page loads.

/** Opens the lesson the page's query names; says why in `warn` if it cannot. */
export async function openLessonFromQuery(
  search: string,
  lessons: LessonMode,
  warn: (text: string) => void,
): Promise<void> {
  const wanted = new URLSearchParams(search).get('lesson');
  if (!wanted) return;
  for (const entry of catalog())
    if ('lesson' in entry && (entry.lesson.id === wanted || entry.file === wanted || entry.file === `${wanted}.yaml`))
      return lessons.start(entry.lesson);
  let url: URL;
  try {
    url = new URL(wanted, location.href);
  } catch {
    return warn(`The address names the lesson “${wanted}”, which is not a lesson or a path.`);
  }
  if (url.origin !== location.origin)
    return warn(`Lessons open only from this site; “${wanted}” is elsewhere, so it was not opened.`);
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return warn(`The lesson “${wanted}” could not be loaded (HTTP ${response.status}).`);
    text = await response.text();
  } catch (e) {
    return warn(`The lesson “${wanted}” could not be loaded: ${(e as Error).message}.`);
  }
  const parsed = parseLesson(text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return warn(
      `The lesson “${wanted}” is not valid: line ${first?.line}, column ${first?.column}: ${first?.field ? `${first.field}: ` : ''}${first?.message}`,
    );
  }
  return lessons.start(parsed.lesson);
}

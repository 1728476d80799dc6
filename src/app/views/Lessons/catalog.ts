import type { Lesson } from '../../../lessons/lesson';
import { parseLesson } from '../../../lessons/parse';

// The lessons shipped with the site: every file in lessons/ is bundled as text and parsed here
// (npm run lessons:check keeps them valid, so a failure here is a build mistake, still reported).

const FILES = import.meta.glob('../../../../lessons/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** A bundled lesson, or why its file could not be read. */
export type CatalogEntry = { file: string; lesson: Lesson } | { file: string; error: string };

/** Returns the bundled lessons in file order (their names start with their number). */
export function catalog(): CatalogEntry[] {
  return Object.entries(FILES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => {
      const file = path.split('/').pop() ?? path;
      const parsed = parseLesson(text);
      if (parsed.ok) return { file, lesson: parsed.lesson };
      return { file, error: parsed.errors.map((e) => `${e.line}:${e.column} ${e.field}: ${e.message}`).join('\n') };
    });
}

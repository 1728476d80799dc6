import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import schema from '../../lessons/lesson.schema.json';
import { defaultNode } from '../engine/cluster';
import type { Lesson } from './lesson';
import type { Schema, SchemaError } from './schema';
import { validate } from './schema';
import { semanticErrors } from './semantics';

// Reading a lesson file: YAML with markdown in block scalars (lessons/README.md says why), checked
// against lessons/lesson.schema.json and then against what the schema cannot say (unique step
// ids, no raw HTML, a stated answer). Every error names the field and its line.

/** One problem in a lesson file: the field, where it is, and what is wrong. */
export interface LessonError {
  /** The field's path: "steps[2].goals[0].count.kind"; '' for the whole file. */
  field: string;
  line: number;
  column: number;
  message: string;
}

/** A parsed lesson, or every problem found. */
export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

/** Parses and validates one lesson file's text. */
export function parseLesson(text: string): LessonParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        return { field: '', line: at.line, column: at.col, message: e.message.split('\n')[0] ?? '' };
      }),
    };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 50 });
  const problems: SchemaError[] = validate(schema as Schema, value);
  if (problems.length === 0) problems.push(...semanticErrors(value as Lesson));
  if (problems.length > 0) {
    return { ok: false, errors: problems.map((p) => located(doc, lineCounter, p)) };
  }
  return { ok: true, lesson: withDefaults(value as Lesson) };
}

/** Formats errors one per line, "file:line:column: field: message". */
export function formatErrors(file: string, errors: readonly LessonError[]): string {
  return errors
    .map((e) => `${file}:${e.line}:${e.column}: ${e.field ? `${e.field}: ` : ''}${e.message}`)
    .join('\n');
}

/** Returns a path as a field name: steps[2].goals[0].count. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function located(doc: Document, lines: LineCounter, e: SchemaError): LessonError {
  // The deepest node that exists: a missing field is reported at its parent.
  let offset = 0;
  for (let n = e.path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(e.path.slice(0, n), true);
    if (isNode(node) && node.range) {
      offset = node.range[0];
      break;
    }
  }
  const at = lines.linePos(offset);
  return { field: fieldName(e.path), line: at.line, column: at.col, message: e.message };
}

/** Fills node specs' capacity with the default node's (4 CPU, 8Gi, 110 pods). */
function withDefaults(lesson: Lesson): Lesson {
  const { nodes } = lesson.cluster;
  if (typeof nodes === 'number') return lesson;
  const filled = nodes.map((n) => ({ ...defaultNode(n.name), ...n }));
  return { ...lesson, cluster: { ...lesson.cluster, nodes: filled } };
}

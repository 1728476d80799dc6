import type { Document, Tags } from 'yaml';
import { LineCounter, isAlias, parseAllDocuments, visit } from 'yaml';
import type { JsonStream } from './jsonStream';

// YAML input read as kubectl reads it (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1): "yes"/"on"
// are booleans and 0755 is octal, but timestamps stay strings. Errors use go-yaml's phrases,
// always with the line and column, and an alias bomb is stopped by an alias budget instead of
// expanding.

/** Aliases one document may expand before it is refused (go-yaml limits aliasing too). */
export const MAX_ALIAS_COUNT = 100;

/** go-yaml's phrases for the problems the yaml package reports, by its error code. */
const GO_YAML_PHRASES: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  MULTILINE_IMPLICIT_KEY: "could not find expected ':'",
  TAB_AS_INDENT: 'found character that cannot start any token',
  MISSING_CHAR: 'found unexpected end of stream',
  BAD_INDENT: 'did not find expected key',
  UNEXPECTED_TOKEN: 'did not find expected key',
  DUPLICATE_KEY: 'mapping key already defined',
};

/** go-yaml's message for an alias bomb. */
export const EXCESSIVE_ALIASING = 'document contains excessive aliasing';

// Tags go-yaml v2 does not resolve when decoding into interface{}: timestamps and sexagesimal
// numbers stay strings; binary/omap/pairs/set are not used in manifests.
const DROPPED_FORMATS = new Set(['TIME']);
const DROPPED_TAGS = new Set([
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:omap',
  'tag:yaml.org,2002:pairs',
  'tag:yaml.org,2002:set',
]);

function goYamlTags(tags: Tags): Tags {
  return tags.filter(
    (t) =>
      typeof t === 'string' || (!DROPPED_TAGS.has(t.tag) && !DROPPED_FORMATS.has(t.format ?? '')),
  );
}

/** Reads every YAML document in text; stops at the first error, keeping the documents before it. */
export function readYamlStream(text: string): JsonStream {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {
    version: '1.1',
    customTags: goYamlTags,
    uniqueKeys: false,
    lineCounter: lines,
  });
  const out: JsonStream = { docs: [] };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const line = lines.linePos(doc.range[0]).line;
    const problem = doc.errors[0];
    if (problem) {
      const pos = lines.linePos(problem.pos[0]);
      const phrase = GO_YAML_PHRASES[problem.code] ?? firstLine(problem.message);
      out.error = yamlError(pos.line, pos.col, phrase);
      return out;
    }
    if (doc.contents === null) continue;
    const converted = toJson(doc, lines, line);
    if ('error' in converted) {
      out.error = converted.error;
      return out;
    }
    out.docs.push({ value: converted.value, line });
  }
  return out;
}

function toJson(
  doc: Document.Parsed,
  lines: LineCounter,
  line: number,
): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message);
    if (unresolved) {
      const at = aliasPosition(doc, unresolved[1] as string, lines) ?? { line, col: 1 };
      return { error: yamlError(at.line, at.col, `unknown anchor '${unresolved[1]}' referenced`) };
    }
    return { error: yamlError(line, 1, EXCESSIVE_ALIASING) };
  }
}

function aliasPosition(
  doc: Document.Parsed,
  name: string,
  lines: LineCounter,
): { line: number; col: number } | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.source === name && node.range) {
        found = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found === undefined ? undefined : lines.linePos(found);
}

function yamlError(line: number, col: number, phrase: string): string {
  return `error converting YAML to JSON: yaml: line ${line}, column ${col}: ${phrase}`;
}

function firstLine(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

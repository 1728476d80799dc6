import type { NodeSpec } from '../../engine/cluster';
import type { Taint } from '../../engine/api/types';
import type { Op, SessionConfig } from '../worker/protocol';

// A saved session arrives from places the page does not control: a link someone pasted, a file, an
// IndexedDB record an older Wheelhouse wrote. Nothing reaches the engine until every field here
// has been checked by hand, and what comes out is a fresh object holding only the known fields.

/** What Wheelhouse saves, shares and autosaves: enough to replay a session and restore the page. */
export interface SavedSession {
  version: 1;
  config: SessionConfig;
  ops: Op[];
  editor: { files: { name: string; text: string }[]; active: number };
  terminalHistory?: string[];
}

/** The format this page writes and reads. */
export const SESSION_FORMAT = 1;

/** Limits on a saved session; a session beyond them is refused with a message naming the field. */
export const LIMITS = {
  nodes: 5000,
  ops: 50_000,
  /** Virtual milliseconds an `until` op may reach: 30 days. */
  untilMs: 30 * 24 * 3600 * 1000,
  lineChars: 10_000,
  stdinChars: 1_000_000,
  /** Characters of command lines and stdin across all ops. */
  opsTextChars: 4_000_000,
  files: 100,
  fileNameChars: 200,
  /** UTF-8 bytes of editor text across all files. */
  editorBytes: 2_000_000,
  historyEntries: 1000,
  /** A node's maxPods. */
  podsPerNode: 10_000,
  labelsPerNode: 64,
  taintsPerNode: 64,
} as const;

/** NodeResourcesFit's scoring strategies, as SessionConfig.scoringStrategy names them. */
const SCORING_STRATEGIES = ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'] as const;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
/** A node name: a DNS label, as kubelets register them. */
const NODE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Quantities the engine's parser reads: "4", "1500m"; "8Gi", "512M". */
const CPU = /^\d{1,6}(\.\d{1,3})?m?$/;
const MEMORY = /^\d{1,15}(\.\d{1,3})?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** The outcome of checking untrusted input: the session, or one message for the user. */
export type ParseResult = { ok: true; session: SavedSession } | { ok: false; error: string };

/** Where the input came from, as the message names it ("This link …"). */
export type SessionSource = 'link' | 'file' | 'saved session' | 'session';

/** Raised inside the checker only; parseSavedSession turns it into a message. */
class Invalid extends Error {}

/** Checks an untrusted value field by field and returns a clean SavedSession or one clear message. */
export function parseSavedSession(value: unknown, source: SessionSource = 'session'): ParseResult {
  try {
    const root = record(value, 'the session');
    const version = root.version;
    if (typeof version === 'number' && Number.isInteger(version) && version > SESSION_FORMAT) {
      return {
        ok: false,
        error:
          `This ${source} was made by a newer Wheelhouse (format ${version}); this page reads ` +
          `format ${SESSION_FORMAT}. Reload the page to get the newest Wheelhouse.`,
      };
    }
    if (version !== SESSION_FORMAT) fail('version', `must be ${SESSION_FORMAT}`, version);
    return { ok: true, session: session(root) };
  } catch (e) {
    const problem = e instanceof Invalid ? e.message : `could not be read (${String(e)})`;
    return { ok: false, error: `This ${source} is not a valid Wheelhouse session: ${problem}.` };
  }
}

function session(root: Record<string, unknown>): SavedSession {
  known(root, '', ['version', 'config', 'ops', 'editor', 'terminalHistory']);
  const out: SavedSession = {
    version: SESSION_FORMAT,
    config: config(root.config),
    ops: ops(root.ops),
    editor: editor(root.editor),
  };
  if (root.terminalHistory !== undefined) {
    const h = array(root.terminalHistory, 'terminalHistory', LIMITS.historyEntries);
    out.terminalHistory = h.map((x, i) => string(x, `terminalHistory[${i}]`, LIMITS.lineChars));
  }
  return out;
}

function config(value: unknown): SessionConfig {
  const c = record(value, 'config');
  known(c, 'config.', ['seed', 'nodes', 'nodeSpecs', 'scoringStrategy']);
  const seed = c.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    fail('config.seed', 'must be a whole number', seed);
  }
  const out: SessionConfig = { seed, nodes: integer(c.nodes, 'config.nodes', 1, LIMITS.nodes) };
  if (c.nodeSpecs !== undefined) {
    out.nodeSpecs = nodeSpecs(c.nodeSpecs);
    if (out.nodeSpecs.length !== out.nodes) {
      fail(
        'config.nodes',
        `must equal the number of nodeSpecs (${out.nodeSpecs.length})`,
        out.nodes,
      );
    }
  }
  if (c.scoringStrategy !== undefined) {
    out.scoringStrategy = oneOf(c.scoringStrategy, 'config.scoringStrategy', SCORING_STRATEGIES);
  }
  return out;
}

function nodeSpecs(value: unknown): NodeSpec[] {
  const names = new Set<string>();
  return array(value, 'config.nodeSpecs', LIMITS.nodes).map((item, i) => {
    const path = `config.nodeSpecs[${i}]`;
    const n = record(item, path);
    known(n, `${path}.`, ['name', 'cpu', 'memory', 'pods', 'labels', 'taints', 'unschedulable']);
    const name = matching(n.name, `${path}.name`, NODE_NAME, 'a DNS label');
    if (names.has(name)) fail(`${path}.name`, 'must be unique', name);
    names.add(name);
    const spec: NodeSpec = {
      name,
      cpu: matching(n.cpu, `${path}.cpu`, CPU, 'a CPU quantity such as "4" or "1500m"'),
      memory: matching(n.memory, `${path}.memory`, MEMORY, 'a memory quantity such as "8Gi"'),
      pods: integer(n.pods, `${path}.pods`, 1, LIMITS.podsPerNode),
    };
    if (n.labels !== undefined) spec.labels = labels(n.labels, `${path}.labels`);
    if (n.taints !== undefined) {
      spec.taints = array(n.taints, `${path}.taints`, LIMITS.taintsPerNode).map((t, j) =>
        taint(t, `${path}.taints[${j}]`),
      );
    }
    if (n.unschedulable !== undefined) {
      if (typeof n.unschedulable !== 'boolean') {
        fail(`${path}.unschedulable`, 'must be true or false', n.unschedulable);
      }
      spec.unschedulable = n.unschedulable;
    }
    return spec;
  });
}

function labels(value: unknown, path: string): Record<string, string> {
  const l = record(value, path);
  const entries = Object.entries(l);
  if (entries.length > LIMITS.labelsPerNode) {
    throw new Invalid(
      `${path} has ${entries.length} entries; the limit is ${LIMITS.labelsPerNode}`,
    );
  }
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    // Keys are checked only for length: the engine stores what kubectl label would accept.
    if (k.length === 0 || k.length > 317) fail(`${path} key`, 'must be 1 to 317 characters', k);
    out[k] = string(v, `${path}.${k}`, 63);
  }
  return out;
}

function taint(value: unknown, path: string): Taint {
  const t = record(value, path);
  known(t, `${path}.`, ['key', 'value', 'effect']);
  const key = string(t.key, `${path}.key`, 317);
  if (key === '') fail(`${path}.key`, 'must not be empty', key);
  const effect = oneOf(t.effect, `${path}.effect`, TAINT_EFFECTS);
  if (t.value === undefined) return { key, effect };
  return { key, value: string(t.value, `${path}.value`, 63), effect };
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    fail(path, `must be ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
  }
  return value as T;
}

function matching(value: unknown, path: string, pattern: RegExp, what: string): string {
  const s = string(value, path, 100);
  if (!pattern.test(s)) fail(path, `must be ${what}`, s);
  return s;
}

function ops(value: unknown): Op[] {
  const list = array(value, 'ops', LIMITS.ops);
  let text = 0;
  const out = list.map((item, i): Op => {
    const o = op(item, `ops[${i}]`);
    if (o.op === 'kubectl' || o.op === 'sim') text += o.line.length;
    if (o.op === 'kubectl' && o.stdin !== undefined) text += o.stdin.length;
    return o;
  });
  if (text > LIMITS.opsTextChars) {
    throw new Invalid(
      `ops hold ${text.toLocaleString('en-US')} characters of commands and input; ` +
        `the limit is ${LIMITS.opsTextChars.toLocaleString('en-US')}`,
    );
  }
  return out;
}

function op(value: unknown, path: string): Op {
  const o = record(value, path);
  switch (o.op) {
    case 'until':
      known(o, `${path}.`, ['op', 't']);
      return { op: 'until', t: number(o.t, `${path}.t`, 0, LIMITS.untilMs) };
    case 'kubectl': {
      known(o, `${path}.`, ['op', 'line', 'stdin']);
      const line = string(o.line, `${path}.line`, LIMITS.lineChars);
      if (o.stdin === undefined) return { op: 'kubectl', line };
      return { op: 'kubectl', line, stdin: string(o.stdin, `${path}.stdin`, LIMITS.stdinChars) };
    }
    case 'sim':
      known(o, `${path}.`, ['op', 'line']);
      return { op: 'sim', line: string(o.line, `${path}.line`, LIMITS.lineChars) };
    default:
      return fail(`${path}.op`, 'must be "until", "kubectl" or "sim"', o.op);
  }
}

function editor(value: unknown): SavedSession['editor'] {
  const e = record(value, 'editor');
  known(e, 'editor.', ['files', 'active']);
  let bytes = 0;
  const files = array(e.files, 'editor.files', LIMITS.files).map((item, i) => {
    const path = `editor.files[${i}]`;
    const f = record(item, path);
    known(f, `${path}.`, ['name', 'text']);
    const name = string(f.name, `${path}.name`, LIMITS.fileNameChars);
    // Names label tabs and become download file names: no blanks, no control characters.
    if (name.trim() === '') fail(`${path}.name`, 'must not be blank', name);
    if (/\p{Cc}/u.test(name)) fail(`${path}.name`, 'must not contain control characters', name);
    const text = string(f.text, `${path}.text`, LIMITS.editorBytes);
    bytes += utf8Length(text);
    return { name, text };
  });
  if (bytes > LIMITS.editorBytes) {
    throw new Invalid(
      `editor.files hold ${bytes.toLocaleString('en-US')} bytes of text; ` +
        `the limit is ${LIMITS.editorBytes.toLocaleString('en-US')}`,
    );
  }
  const active = integer(e.active, 'editor.active', 0, Math.max(0, files.length - 1));
  return { files, active };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'must be an object', value);
  }
  return value as Record<string, unknown>;
}

/** Refuses fields this format does not have: a typo in a hand-edited file should not pass silently. */
function known(o: Record<string, unknown>, prefix: string, fields: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!fields.includes(key)) throw new Invalid(`${prefix}${key} is not a field of this format`);
  }
}

function array(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be a list', value);
  if (value.length > max) {
    throw new Invalid(
      `${path} has ${value.length.toLocaleString('en-US')} entries; ` +
        `the limit is ${max.toLocaleString('en-US')}`,
    );
  }
  return value;
}

function string(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') fail(path, 'must be text', value);
  if (value.length > max) {
    throw new Invalid(
      `${path} is ${value.length.toLocaleString('en-US')} characters long; the limit is ${max.toLocaleString('en-US')}`,
    );
  }
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`, value);
  }
  return value;
}

function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(path, `must be a number from ${min} to ${max.toLocaleString('en-US')}`, value);
  }
  return value;
}

function fail(path: string, must: string, got: unknown): never {
  throw new Invalid(`${path} ${must} (it is ${describe(got)})`);
}

/** Describes a bad value briefly, so a message never echoes a megabyte of someone's input. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(s);
  }
  return String(value);
}

/** Counts UTF-8 bytes without allocating an encoded copy of a possibly large string. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one code point: four bytes in UTF-8.
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

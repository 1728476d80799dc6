import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSession, sampleSession } from './fixtures';
import { LIMITS, parseSavedSession } from './validate';

// The cases break the session's types on purpose, so they edit it as untyped data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** Returns the sample session as plain data with one change applied. */
function withChange(change: (s: Loose) => void): unknown {
  const s = structuredClone(sampleSession()) as Loose;
  change(s);
  return s;
}

const NODE = { name: 'node-1', cpu: '4', memory: '8Gi', pods: 110 };

describe('parseSavedSession', () => {
  it('accepts node specs and a scoring strategy, and keeps only their known fields', () => {
    const spec = { ...NODE, labels: { zone: 'a' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] };
    const r = parseSavedSession(
      withChange((s) => {
        s.config = { seed: 1, nodes: 1, nodeSpecs: [spec], scoringStrategy: 'MostAllocated' };
      }),
    );
    expect(r.ok && r.session.config).toEqual({
      seed: 1,
      nodes: 1,
      nodeSpecs: [spec],
      scoringStrategy: 'MostAllocated',
    });
  });

  it('accepts a valid session and returns an equal, fresh copy', () => {
    const input = sampleSession();
    const r = parseSavedSession(input);
    expect(r).toEqual({ ok: true, session: input });
    if (r.ok) expect(r.session.ops).not.toBe(input.ops);
  });

  it('accepts every generated valid session unchanged', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        expect(parseSavedSession(s)).toEqual({ ok: true, session: s });
      }),
    );
  });

  it('names a newer format and tells the user to reload', () => {
    const r = parseSavedSession(
      withChange((s) => (s.version = 2)),
      'link',
    );
    expect(r).toEqual({
      ok: false,
      error:
        'This link was made by a newer Wheelhouse (format 2); this page reads format 1. ' +
        'Reload the page to get the newest Wheelhouse.',
    });
  });

  const big = 'x'.repeat(LIMITS.stdinChars);
  const cases: [string, unknown, string][] = [
    ['not an object', [1, 2], 'the session must be an object (it is a list of 2)'],
    ['null', null, 'the session must be an object (it is null)'],
    ['no version', withChange((s) => delete s.version), 'version must be 1 (it is missing)'],
    ['version as text', withChange((s) => (s.version = '1')), 'version must be 1 (it is "1")'],
    ['version 0', withChange((s) => (s.version = 0)), 'version must be 1 (it is 0)'],
    [
      'unknown top-level field',
      withChange((s) => (s.extra = true)),
      'extra is not a field of this format',
    ],
    [
      'missing config',
      withChange((s) => delete s.config),
      'config must be an object (it is missing)',
    ],
    [
      'fractional seed',
      withChange((s) => (s.config.seed = 1.5)),
      'config.seed must be a whole number (it is 1.5)',
    ],
    [
      'seed as text',
      withChange((s) => (s.config.seed = '42')),
      'config.seed must be a whole number (it is "42")',
    ],
    [
      'negative nodes',
      withChange((s) => (s.config.nodes = -1)),
      'config.nodes must be a whole number from 1 to 5,000 (it is -1)',
    ],
    [
      'zero nodes',
      withChange((s) => (s.config.nodes = 0)),
      'config.nodes must be a whole number from 1 to 5,000 (it is 0)',
    ],
    [
      'too many nodes',
      withChange((s) => (s.config.nodes = 5001)),
      'config.nodes must be a whole number from 1 to 5,000 (it is 5001)',
    ],
    [
      'nodes not matching nodeSpecs',
      withChange((s) => (s.config.nodeSpecs = [NODE])),
      'config.nodes must equal the number of nodeSpecs (1) (it is 3)',
    ],
    [
      'node spec with a bad name',
      withChange(
        (s) => ((s.config.nodes = 1), (s.config.nodeSpecs = [{ ...NODE, name: 'Node_1' }])),
      ),
      'config.nodeSpecs[0].name must be a DNS label (it is "Node_1")',
    ],
    [
      'repeated node names',
      withChange((s) => ((s.config.nodes = 2), (s.config.nodeSpecs = [NODE, NODE]))),
      'config.nodeSpecs[1].name must be unique (it is "node-1")',
    ],
    [
      'node spec cpu not a quantity',
      withChange((s) => ((s.config.nodes = 1), (s.config.nodeSpecs = [{ ...NODE, cpu: 'four' }]))),
      'config.nodeSpecs[0].cpu must be a CPU quantity such as "4" or "1500m" (it is "four")',
    ],
    [
      'node spec without pods',
      withChange(
        (s) => ((s.config.nodes = 1), (s.config.nodeSpecs = [{ ...NODE, pods: undefined }])),
      ),
      'config.nodeSpecs[0].pods must be a whole number from 1 to 10,000 (it is missing)',
    ],
    [
      'taint with an unknown effect',
      withChange(
        (s) => (
          (s.config.nodes = 1),
          (s.config.nodeSpecs = [{ ...NODE, taints: [{ key: 'gpu', effect: 'NoRun' }] }])
        ),
      ),
      'config.nodeSpecs[0].taints[0].effect must be "NoSchedule", "PreferNoSchedule", "NoExecute" (it is "NoRun")',
    ],
    [
      'unknown node spec field',
      withChange((s) => ((s.config.nodes = 1), (s.config.nodeSpecs = [{ ...NODE, zone: 'a' }]))),
      'config.nodeSpecs[0].zone is not a field of this format',
    ],
    [
      'unknown scoring strategy',
      withChange((s) => (s.config.scoringStrategy = 'Random')),
      'config.scoringStrategy must be "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio" (it is "Random")',
    ],
    ['ops not a list', withChange((s) => (s.ops = {})), 'ops must be a list (it is an object)'],
    [
      'too many ops',
      withChange((s) => (s.ops = Array(LIMITS.ops + 1).fill({ op: 'until', t: 1 }))),
      'ops has 50,001 entries; the limit is 50,000',
    ],
    [
      'unknown op',
      withChange((s) => (s.ops[2] = { op: 'delete', n: 1 })),
      'ops[2].op must be "until", "kubectl" or "sim" (it is "delete")',
    ],
    [
      'op not an object',
      withChange((s) => (s.ops[0] = 'until')),
      'ops[0] must be an object (it is "until")',
    ],
    [
      'until NaN',
      withChange((s) => (s.ops[2] = { op: 'until', t: NaN })),
      'ops[2].t must be a number from 0 to 2,592,000,000 (it is NaN)',
    ],
    [
      'until beyond 30 days',
      withChange((s) => (s.ops[2] = { op: 'until', t: 1e12 })),
      'ops[2].t must be a number from 0 to 2,592,000,000 (it is 1000000000000)',
    ],
    [
      'kubectl without line',
      withChange((s) => (s.ops[0] = { op: 'kubectl' })),
      'ops[0].line must be text (it is missing)',
    ],
    [
      'kubectl stdin not text',
      withChange((s) => (s.ops[2].stdin = 7)),
      'ops[2].stdin must be text (it is 7)',
    ],
    [
      'extra field on an op',
      withChange((s) => (s.ops[3].stdin = 'x')),
      'ops[3].stdin is not a field of this format',
    ],
    [
      'overlong command line',
      withChange((s) => (s.ops[3].line = 'x'.repeat(10_001))),
      'ops[3].line is 10,001 characters long; the limit is 10,000',
    ],
    [
      'too much stdin in total',
      withChange((s) => (s.ops = Array(5).fill({ op: 'kubectl', line: 'k', stdin: big }))),
      'ops hold 5,000,005 characters of commands and input; the limit is 4,000,000',
    ],
    [
      'editor missing',
      withChange((s) => delete s.editor),
      'editor must be an object (it is missing)',
    ],
    [
      'file name as number',
      withChange((s) => (s.editor.files[0].name = 3)),
      'editor.files[0].name must be text (it is 3)',
    ],
    [
      'blank file name',
      withChange((s) => (s.editor.files[1].name = '  ')),
      'editor.files[1].name must not be blank (it is "  ")',
    ],
    [
      'file name with a newline',
      withChange((s) => (s.editor.files[1].name = 'a\nb')),
      'editor.files[1].name must not contain control characters (it is "a\\nb")',
    ],
    [
      'file name too long',
      withChange((s) => (s.editor.files[0].name = 'n'.repeat(201))),
      'editor.files[0].name is 201 characters long; the limit is 200',
    ],
    [
      'editor text beyond 2 MB (counted in UTF-8 bytes)',
      withChange((s) => (s.editor.files = [{ name: 'a', text: 'é'.repeat(1_000_001) }])),
      'editor.files hold 2,000,002 bytes of text; the limit is 2,000,000',
    ],
    [
      'active tab out of range',
      withChange((s) => (s.editor.active = 2)),
      'editor.active must be a whole number from 0 to 1 (it is 2)',
    ],
    [
      'history entry not text',
      withChange((s) => (s.terminalHistory = ['ok', null])),
      'terminalHistory[1] must be text (it is null)',
    ],
  ];

  it.each(cases)('refuses %s, naming the field', (_name, input, problem) => {
    expect(parseSavedSession(input)).toEqual({
      ok: false,
      error: `This session is not a valid Wheelhouse session: ${problem}.`,
    });
  });

  it('shortens a long bad value in the message', () => {
    const r = parseSavedSession(withChange((s) => (s.ops[0].op = 'y'.repeat(1000))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`(it is "${'y'.repeat(40)}…")`);
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      get version(): never {
        throw new Error('boom');
      },
    };
    expect(parseSavedSession(hostile).ok).toBe(false);
    fc.assert(fc.property(fc.anything(), (v) => typeof parseSavedSession(v).ok === 'boolean'));
  });
});

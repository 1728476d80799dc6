import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags } from './parse';
import type { FlagSpec } from './types';
import { boolFlag, stringFlag } from './types';
import { parseDuration, parseInt64 } from './values';

const specs: FlagSpec[] = [
  stringFlag('namespace', 'n'),
  stringFlag('output', 'o'),
  boolFlag('all-namespaces', 'A'),
  boolFlag('stdin', 'i'),
  boolFlag('tty', 't'),
  { name: 'replicas', shorthand: 'r', type: 'int32', default: 1 },
  { name: 'timeout', type: 'duration', default: 30_000 },
  { name: 'env', type: 'stringArray' },
  { name: 'image', type: 'stringSlice' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
];

describe('parseFlags: pflag syntax', () => {
  it.each([
    [['get', 'pods', '-n', 'kube-system'], { namespace: 'kube-system' }, ['get', 'pods']],
    [['-nkube-system', 'get'], { namespace: 'kube-system' }, ['get']],
    [['-n=kube-system'], { namespace: 'kube-system' }, []],
    [['--namespace=a', '--namespace', 'b'], { namespace: 'b' }, []],
    [['-owide'], { output: 'wide' }, []],
    [['-A'], { 'all-namespaces': true }, []],
    [['--all-namespaces=false'], { 'all-namespaces': false }, []],
    [['--all_namespaces'], { 'all-namespaces': true }, []],
    [['-it', 'x'], { stdin: true, tty: true }, ['x']],
    [['-r', '3'], { replicas: 3 }, []],
    [['--replicas=0x10'], { replicas: 16 }, []],
    [['--timeout=1m30s'], { timeout: 90_000 }, []],
    [['--env=A=1', '--env', 'B=2,3'], { env: ['A=1', 'B=2,3'] }, []],
    [['--image=a,b', '--image=c'], { image: ['a', 'b', 'c'] }, []],
    [['--cascade'], { cascade: 'background' }, []],
    [['--cascade=orphan'], { cascade: 'orphan' }, []],
    [['-', 'x'], {}, ['-', 'x']],
  ] as const)('%j', (argv, values, args) => {
    const p = parseFlags(specs, argv);
    for (const [k, v] of Object.entries(values)) expect(p.values.get(k)).toEqual(v);
    expect(p.args).toEqual(args);
  });

  it('stops at -- and records where', () => {
    const p = parseFlags(specs, ['web', '--image=busybox', '--', 'sh', '-c', 'echo -n hi']);
    expect(p.args).toEqual(['web', 'sh', '-c', 'echo -n hi']);
    expect(p.argsLenAtDash).toBe(1);
    expect(p.values.get('image')).toEqual(['busybox']);
  });

  it('treats a bool followed by a word as the bool plus an argument', () => {
    const p = parseFlags(specs, ['-A', 'false']);
    expect(p.values.get('all-namespaces')).toBe(true);
    expect(p.args).toEqual(['false']);
  });

  it('reports -h and --help', () => {
    expect(parseFlags(specs, ['-h']).help).toBe(true);
    expect(parseFlags(specs, ['--help']).help).toBe(true);
  });

  it('records which flags the user set', () => {
    const p = parseFlags(specs, ['-r', '1']);
    expect(p.changed.has('replicas')).toBe(true);
    expect(p.changed.has('namespace')).toBe(false);
  });
});

describe('parseFlags: pflag errors', () => {
  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['--foo=bar'], 'unknown flag: --foo'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-Ax'], "unknown shorthand flag: 'x' in -x"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['---x'], 'bad flag syntax: ---x'],
    [['--=x'], 'bad flag syntax: --=x'],
    [
      ['--replicas=abc'],
      'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    ],
    [
      ['-r', '99999999999'],
      'invalid argument "99999999999" for "-r, --replicas" flag: strconv.ParseInt: parsing "99999999999": value out of range',
    ],
    [
      ['-A=maybe'],
      'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
    [
      ['--timeout=30'],
      'invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"',
    ],
    [
      ['--timeout=soon'],
      'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"',
    ],
  ] as const)('%j → %s', (argv, message) => {
    expect(() => parseFlags(specs, argv)).toThrow(new FlagError(message));
  });
});

describe('Go number and duration parsing', () => {
  it.each([
    ['10', 10],
    ['-7', -7],
    ['010', 8],
    ['0b11', 3],
    ['1_000', 1000],
  ] as const)('ParseInt(%s) = %d', (s, n) => expect(parseInt64(s)).toBe(n));

  it.each([
    ['0', 0],
    ['500ms', 500],
    ['1.5s', 1500],
    ['2h45m', 9_900_000],
    ['-1s', -1000],
  ] as const)('ParseDuration(%s) = %d ms', (s, n) => expect(parseDuration(s)).toBe(n));

  it('names an unknown unit', () => {
    expect(() => parseDuration('3x')).toThrow('time: unknown unit "x" in duration "3x"');
  });
});

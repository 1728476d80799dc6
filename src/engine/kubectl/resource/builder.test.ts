import { describe, expect, it } from 'vitest';
import type { BuilderSpec } from './builder';
import { MISSING_RESOURCE, planTargets } from './builder';

const plan = (args: string[], extra: Partial<BuilderSpec> = {}) =>
  planTargets({ args, allowEmptySelector: true, namespace: 'default', ...extra });

const summary = (args: string[], extra: Partial<BuilderSpec> = {}) =>
  plan(args, extra).targets.map((t) =>
    t.kind === 'list'
      ? `list ${t.resource.resource} ns=${t.namespace ?? '-'} l=${t.labelSelector}`
      : `get ${t.resource.resource}/${t.name} ns=${t.namespace ?? '-'}`,
  );

describe('planTargets: resource arguments', () => {
  it.each([
    [['pods'], {}, ['list pods ns=default l=']],
    [['po,deploy'], {}, ['list pods ns=default l=', 'list deployments ns=default l=']],
    [['pods', 'po'], {}, ['get pods/po ns=default']],
    [['pods,pods'], {}, ['list pods ns=default l=']],
    [['pod', 'a', 'b'], {}, ['get pods/a ns=default', 'get pods/b ns=default']],
    [['pod,rs', 'a'], {}, ['get pods/a ns=default', 'get replicasets/a ns=default']],
    [['pod/a', 'deploy/b'], {}, ['get pods/a ns=default', 'get deployments/b ns=default']],
    [['nodes'], {}, ['list nodes ns=- l=']],
    [['no', 'node-1'], {}, ['get nodes/node-1 ns=-']],
    [['pods'], { allNamespaces: true }, ['list pods ns=- l=']],
    [['pods'], { labelSelector: 'app=web' }, ['list pods ns=default l=app=web']],
    [
      ['all'],
      {},
      [
        'list pods ns=default l=',
        'list deployments ns=default l=',
        'list replicasets ns=default l=',
      ],
    ],
    [['pods'], { allowEmptySelector: false, selectAll: true }, ['list pods ns=default l=']],
  ] as const)('%j %j', (args, extra, want) => {
    expect(summary([...args], extra)).toEqual(want);
  });

  it('knows when one object was named', () => {
    expect(plan(['pod', 'a']).singleItemImplied).toBe(true);
    expect(plan(['pod/a']).singleItemImplied).toBe(true);
    expect(plan(['pod', 'a', 'b']).singleItemImplied).toBe(false);
    expect(plan(['pods']).singleItemImplied).toBe(false);
  });

  it.each([
    [[], {}, MISSING_RESOURCE],
    [
      ['pods'],
      { allowEmptySelector: false },
      'resource(s) were provided, but no name was specified',
    ],
    [
      ['pods', 'a'],
      { labelSelector: 'x=y' },
      'name cannot be provided when a selector is specified',
    ],
    [
      ['pod/a'],
      { labelSelector: 'x=y' },
      'selectors and the all flag cannot be used when passing resource/name arguments',
    ],
    [['pod/a/b'], {}, 'arguments in resource/name form may not have more than one slash'],
    [['pod,rs/a'], {}, 'arguments in resource/name form must have a single resource and name'],
    [
      ['pods', 'a'],
      { allNamespaces: true },
      'a resource cannot be retrieved by name across all namespaces',
    ],
    [
      ['pods', 'a'],
      { hasFiles: true },
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    ],
    [
      ['pods'],
      { labelSelector: 'a=b', selectAll: true },
      "setting 'all' parameter but found a non empty selector. ",
    ],
    [['widgets'], {}, 'the server doesn\'t have a resource type "widgets"'],
  ] as const)('%j %j → %s', (args, extra, message) => {
    expect(() => plan([...args], extra)).toThrow(message);
  });
});

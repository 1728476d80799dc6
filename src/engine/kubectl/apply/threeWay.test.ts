import { describe, expect, it } from 'vitest';
import { applyStrategicPatch } from '../../api/patch/strategic';
import type { JsonObject } from './schema';
import { createThreeWayMergePatch } from './threeWay';

const c = (name: string, extra: JsonObject = {}): JsonObject => ({
  name,
  image: `${name}:1`,
  ...extra,
});

// Each case: last-applied (original), the new file (modified), the live object (current), and the
// patch strategicpatch.CreateThreeWayMergePatch would produce.
const cases: [string, JsonObject | undefined, JsonObject, JsonObject, JsonObject][] = [
  ['nothing changed', { a: 1 }, { a: 1 }, { a: 1, status: { x: 1 } }, {}],
  ['a field changed', { a: 1 }, { a: 2 }, { a: 1 }, { a: 2 }],
  ['a field added', { a: 1 }, { a: 1, b: 2 }, { a: 1 }, { b: 2 }],
  ['a field removed from the file', { a: 1, b: 2 }, { a: 1 }, { a: 1, b: 2 }, { b: null }],
  ['a server-set field is kept', { a: 1 }, { a: 1 }, { a: 1, defaulted: 'x' }, {}],
  ['a live edit of a managed field is reverted', { a: 1 }, { a: 1 }, { a: 5 }, { a: 1 }],
  ['no last-applied: nothing is deleted', undefined, { a: 1 }, { a: 1, b: 2 }, {}],
  [
    'nested map key removed',
    { metadata: { labels: { app: 'web', tier: 'fe' } } },
    { metadata: { labels: { app: 'web' } } },
    { metadata: { labels: { app: 'web', tier: 'fe', extra: 'x' } } },
    { metadata: { labels: { tier: null } } },
  ],
  [
    'container image changed (merge key name)',
    { spec: { containers: [c('web'), c('log')] } },
    { spec: { containers: [c('web', { image: 'web:2' }), c('log')] } },
    { spec: { containers: [c('web', { resources: {} }), c('log', { resources: {} })] } },
    {
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }, { name: 'log' }],
        containers: [{ name: 'web', image: 'web:2' }],
      },
    },
  ],
  [
    'container removed: $patch delete',
    { spec: { containers: [c('web'), c('log')] } },
    { spec: { containers: [c('web')] } },
    { spec: { containers: [c('web'), c('log')] } },
    {
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }],
        containers: [{ $patch: 'delete', name: 'log' }],
      },
    },
  ],
  [
    'env entry removed inside a container',
    {
      spec: {
        containers: [
          c('web', {
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          }),
        ],
      },
    },
    { spec: { containers: [c('web', { env: [{ name: 'A', value: '1' }] })] } },
    {
      spec: {
        containers: [
          c('web', {
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          }),
        ],
      },
    },
    {
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }],
        containers: [
          {
            name: 'web',
            '$setElementOrder/env': [{ name: 'A' }],
            env: [{ $patch: 'delete', name: 'B' }],
          },
        ],
      },
    },
  ],
  [
    'finalizer removed: $deleteFromPrimitiveList',
    { metadata: { finalizers: ['a', 'b'] } },
    { metadata: { finalizers: ['a'] } },
    { metadata: { finalizers: ['a', 'b', 'server'] } },
    {
      metadata: {
        '$deleteFromPrimitiveList/finalizers': ['b'],
        '$setElementOrder/finalizers': ['a'],
      },
    },
  ],
  [
    'replace-strategy list (args) is sent whole',
    { spec: { args: ['a', 'b'] } },
    { spec: { args: ['a', 'c'] } },
    { spec: { args: ['a', 'b'] } },
    { spec: { args: ['a', 'c'] } },
  ],
  [
    'deployment strategy switched: $retainKeys',
    { spec: { strategy: { type: 'RollingUpdate' } } },
    { spec: { strategy: { type: 'Recreate' } } },
    { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } } },
    { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
  ],
];

describe('createThreeWayMergePatch', () => {
  it.each(cases)('%s', (_, original, modified, current, want) => {
    const wanted = JSON.parse(JSON.stringify(want)) as JsonObject;
    expect(createThreeWayMergePatch(original, modified, current)).toEqual(wanted);
  });

  it.each(cases)(
    'applying the patch to current yields what the file asks for: %s',
    (_, original, modified, current) => {
      const patched = applyStrategicPatch(
        current,
        createThreeWayMergePatch(original, modified, current),
      );
      expect(applyStrategicPatch(patched, modified)).toEqual(patched);
    },
  );
});

import { describe, expect, it } from 'vitest';
import engineSchema from '../../../engine/api/schema/kubernetes.json';
import editorSchema from './kubernetes.schema.json';
import {
  compactDefinition,
  reachable,
  selectByKind,
  servedKinds,
  type SchemaNode,
} from './kindSchema';

const object = (kind: string, apiVersion: string, extra: SchemaNode = {}): SchemaNode => ({
  type: 'object',
  properties: {
    apiVersion: { type: 'string', const: apiVersion, description: 'APIVersion defines…' },
    kind: { type: 'string', const: kind, description: 'Kind is…' },
    ...extra,
  },
  additionalProperties: false,
});

const DEFS: Record<string, SchemaNode> = {
  Pod: object('Pod', 'v1', { spec: { $ref: '#/definitions/PodSpec' } }),
  PodSpec: { type: 'object', properties: { nodeName: { type: 'string' } } },
  Lease: object('Lease', 'coordination.k8s.io/v1'),
  Unused: { type: 'string' },
};

describe('servedKinds', () => {
  it('reads each kind’s apiVersion from its definition', () => {
    expect(servedKinds(['Pod', 'Lease'], DEFS)).toEqual([
      { kind: 'Pod', apiVersion: 'v1' },
      { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1' },
    ]);
  });
  it('refuses a definition that does not declare its kind', () => {
    expect(() => servedKinds(['PodSpec'], DEFS)).toThrow(/PodSpec/);
  });
});

describe('selectByKind', () => {
  const root = selectByKind(servedKinds(['Pod', 'Lease'], DEFS), DEFS);
  it('[SCH1] validates each document against the definition its kind names', () => {
    expect(root.allOf).toEqual([
      {
        if: { properties: { kind: { const: 'Pod' } }, required: ['kind'] },
        then: { $ref: '#/definitions/Pod' },
      },
      {
        if: { properties: { kind: { const: 'Lease' } }, required: ['kind'] },
        then: { $ref: '#/definitions/Lease' },
      },
    ]);
  });
  it('[SCH3] offers and accepts only the served kinds and their apiVersions', () => {
    const props = root.properties as Record<string, SchemaNode>;
    expect(props.kind?.enum).toEqual(['Pod', 'Lease']);
    expect(props.apiVersion?.enum).toEqual(['v1', 'coordination.k8s.io/v1']);
    expect(props.kind?.description).toBe('Kind is…');
  });
});

describe('compactDefinition', () => {
  it('keeps descriptions for hover, drops what the editor does not use', () => {
    const out = compactDefinition('Probe', {
      type: 'object',
      description: 'Probe describes a health check.\n\nMore detail.',
      properties: { port: { type: 'number', description: 'Port.', format: 'int32' } },
      examples: ['x'],
    });
    expect(out).toEqual({
      type: 'object',
      description: 'Probe describes a health check.',
      properties: { port: { type: 'number', description: 'Port.' } },
    });
  });
  it('lets a Quantity be a number, as `cpu: 1` is', () => {
    expect(compactDefinition('Quantity', { type: 'string' }).type).toEqual(['string', 'number']);
  });
});

describe('reachable', () => {
  it('keeps only definitions the kinds reach', () => {
    expect(Object.keys(reachable(['Pod'], DEFS))).toEqual(['Pod', 'PodSpec']);
  });
});

describe('the committed editor schema', () => {
  const schema = editorSchema as unknown as SchemaNode & {
    definitions: Record<string, SchemaNode>;
  };
  const served = servedKinds(Object.keys(engineSchema.kinds), schema.definitions);

  it('[SCH1] has one branch for each kind the engine serves', () => {
    const branches = (schema.allOf as { then: { $ref: string } }[]).map((b) => b.then.$ref);
    expect(branches.sort()).toEqual(served.map((s) => `#/definitions/${s.kind}`).sort());
  });
  it('[SCH2] pins each kind to the apiVersion it is served at', () => {
    expect(Object.fromEntries(served.map((s) => [s.kind, s.apiVersion]))).toMatchObject({
      Pod: 'v1',
      Deployment: 'apps/v1',
      Lease: 'coordination.k8s.io/v1',
      PriorityClass: 'scheduling.k8s.io/v1',
    });
  });
  it('describes fields for hover', () => {
    const spec = schema.definitions.DeploymentSpec?.properties as Record<string, SchemaNode>;
    expect(spec.replicas?.description).toMatch(/desired pods/);
  });
  it('has the same definitions, by name, as the engine validates', () => {
    expect(Object.keys(schema.definitions).sort()).toEqual(
      Object.keys(engineSchema.definitions).sort(),
    );
  });
});

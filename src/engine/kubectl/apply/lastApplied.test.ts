import { describe, expect, it } from 'vitest';
import {
  LAST_APPLIED_ANNOTATION,
  encodeConfiguration,
  lastApplied,
  withLastApplied,
} from './lastApplied';

describe('last-applied-configuration', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx', command: ['sh', '-c', 'a && b > c'] }] },
  };

  it('encodes as kubectl does: sorted keys, empty annotations, HTML escapes, trailing newline', () => {
    expect(encodeConfiguration(pod)).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},' +
        '"spec":{"containers":[{"command":["sh","-c","a \\u0026\\u0026 b \\u003e c"],"image":"nginx","name":"web"}]}}\n',
    );
  });

  it('stores the configuration without its own previous copy', () => {
    const once = withLastApplied(pod);
    const twice = withLastApplied(once);
    expect(twice.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(encodeConfiguration(pod));
    expect(lastApplied(twice)).toEqual({ ...pod, metadata: { ...pod.metadata, annotations: {} } });
  });
});

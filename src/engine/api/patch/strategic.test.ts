import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge';
import { applyStrategicPatch } from './strategic';

describe('merge patch', () => {
  it('merges maps and deletes with null', () => {
    expect(applyMergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      f: [1],
    });
  });
});

describe('strategic merge patch', () => {
  const pod = {
    metadata: { labels: { app: 'web' }, finalizers: ['a'] },
    spec: {
      containers: [
        { name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
        { name: 'sidecar', image: 'busybox' },
      ],
      tolerations: [{ key: 'x', operator: 'Exists' }],
    },
  };

  it('merges containers by name', () => {
    const out = applyStrategicPatch(pod, {
      spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] },
    }) as typeof pod;
    expect(out.spec.containers).toEqual([
      { name: 'web', image: 'nginx:1.26', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });

  it('deletes list items with $patch: delete and replaces unkeyed lists', () => {
    const out = applyStrategicPatch(pod, {
      spec: { containers: [{ name: 'sidecar', $patch: 'delete' }], tolerations: [] },
    }) as typeof pod;
    expect(out.spec.containers.map((c) => c.name)).toEqual(['web']);
    expect(out.spec.tolerations).toEqual([]);
  });

  it('merges finalizers as a set and deletes from primitive lists', () => {
    const added = applyStrategicPatch(pod, { metadata: { finalizers: ['b', 'a'] } }) as typeof pod;
    expect(added.metadata.finalizers).toEqual(['a', 'b']);
    const removed = applyStrategicPatch(added, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
    }) as typeof pod;
    expect(removed.metadata.finalizers).toEqual(['b']);
  });

  it('leaves the input untouched', () => {
    const before = JSON.stringify(pod);
    applyStrategicPatch(pod, { metadata: { labels: { app: null } } });
    expect(JSON.stringify(pod)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { SchedulerCache } from '../../cache/cache';
import { makeHandle, makeNode, makePod, rawScore } from '../../fixtures';
import { CycleState } from '../../framework/cycleState';
import type { NodeInfo } from '../../framework/nodeInfo';
import { newImageLocality, normalizedImageName } from './imageLocality';

const MB = 1024 * 1024;

function score(cache: SchedulerCache, images: string[], node: string): number {
  const plugin = newImageLocality(undefined, makeHandle(cache.list()));
  return rawScore(plugin, new CycleState(), makePod({ images }), cache.get(node) as NodeInfo);
}

describe('ImageLocality', () => {
  it.each([
    ['nginx', 'nginx:latest'],
    ['docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['nginx@sha256:0123', 'nginx@sha256:0123'],
  ])('normalizes %s to %s [IMG-LOC3]', (name, want) => {
    expect(normalizedImageName(name)).toBe(want);
  });

  // 40 MB on n1 only, 300 MB on n1 and n2, of three nodes. n1: 40/3 + 300×2/3 MB =
  // 223696213 bytes → 100 × (223696213 − 23 MB) / (2 × 1000 MB − 23 MB) = 9.6 → 9.
  // n2: 209715200 → 8.95 → 8. n3 holds neither: clamped to 23 MB → 0. [IMG-LOC1][IMG-LOC2]
  it('scales sizes by spread and maps them between 23 MB and 1000 MB per container', () => {
    const cache = new SchedulerCache();
    const small = { names: ['gcr.io/40:latest'], sizeBytes: 40 * MB };
    const big = { names: ['gcr.io/300:latest', 'gcr.io/300@sha256:aa'], sizeBytes: 300 * MB };
    cache.setNode(makeNode('n1', { images: [small, big] }));
    cache.setNode(makeNode('n2', { images: [big] }));
    cache.setNode(makeNode('n3'));
    const images = ['gcr.io/40', 'gcr.io/300'];
    expect(['n1', 'n2', 'n3'].map((n) => score(cache, images, n))).toEqual([9, 8, 0]);
  });

  it('gives 100 above 1000 MB, and follows nodes that drop the image or leave [CACHE4]', () => {
    const cache = new SchedulerCache();
    const big = { names: ['docker.io/library/big:latest'], sizeBytes: 1500 * MB };
    for (const n of ['n1', 'n2', 'n3']) cache.setNode(makeNode(n, { images: [big] }));
    expect(score(cache, ['docker.io/library/big'], 'n1')).toBe(100);
    cache.removeNode('n3');
    cache.setNode(makeNode('n2'));
    // Held by 1 of 2 nodes: 750 MB → 100 × (750 − 23) / (1000 − 23) = 74.4 → 74.
    expect(cache.get('n1')?.imageStates.get('docker.io/library/big:latest')?.numNodes).toBe(1);
    expect(score(cache, ['docker.io/library/big'], 'n1')).toBe(74);
  });

  it('scores the same through the cache, which lets it skip clusters of small images [IMG-LOC2]', () => {
    const cache = new SchedulerCache();
    const pause = { names: ['registry.k8s.io/pause:3.10'], sizeBytes: 320_000 };
    const big = { names: ['gcr.io/300:latest'], sizeBytes: 300 * MB };
    cache.setNode(makeNode('n1', { images: [pause, big] }));
    cache.setNode(makeNode('n2', { images: [pause] }));
    const plugin = newImageLocality(undefined, { ...makeHandle(cache.list()), nodes: cache });
    const viaCache = (images: string[], node: string): number =>
      rawScore(plugin, new CycleState(), makePod({ images }), cache.get(node) as NodeInfo);
    for (const images of [
      ['registry.k8s.io/pause:3.10'],
      ['gcr.io/300', 'registry.k8s.io/pause:3.10'],
    ])
      for (const node of ['n1', 'n2'])
        expect(viaCache(images, node)).toBe(score(cache, images, node));
  });

  it('does not match a short name against the containerd-normalized one [IMG-LOC3]', () => {
    const cache = new SchedulerCache();
    const nginx = { names: ['docker.io/library/nginx:latest'], sizeBytes: 500 * MB };
    cache.setNode(makeNode('n1', { images: [nginx] }));
    expect(score(cache, ['nginx'], 'n1')).toBe(0);
    expect(score(cache, ['docker.io/library/nginx'], 'n1')).toBe(48);
  });
});

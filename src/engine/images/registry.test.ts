import { describe, expect, it } from 'vitest';
import { InvalidImageNameError, parseImageReference } from './reference';
import { findImage, pullImage, rpcError } from './registry';

describe('image references, normalized as containerd does [REF1][REF2][REF3]', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['library/redis:7', 'docker.io/library/redis:7'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['wheelhouse/crash:10s', 'docker.io/wheelhouse/crash:10s'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s is %s', (raw, normalized) => {
    expect(parseImageReference(raw).normalized).toBe(normalized);
  });

  it('rejects upper case and malformed names with the parser wording', () => {
    expect(() => parseImageReference('Nginx')).toThrow(
      new InvalidImageNameError(
        'couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
      ),
    );
    expect(() => parseImageReference('nginx::1')).toThrow(InvalidImageNameError);
  });
});

describe('pulling from the simulated registries [PULL1]-[PULL4]', () => {
  it('pulls nginx with its size, a stable digest and a size-based duration', () => {
    const r = pullImage(parseImageReference('nginx'), false);
    if (!r.ok) throw new Error('pull failed');
    expect(r.image.sizeBytes).toBe(72195292);
    expect(r.image.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(r.durationMs).toBe(400 + Math.round(72195292 / 30_000));
    const again = pullImage(parseImageReference('nginx:1.27'), true);
    expect(again.ok && again.image.digest).toBe(r.image.digest);
    expect(again.durationMs).toBe(372);
  });

  it('answers "pull access denied" for a repository that does not exist', () => {
    const r = pullImage(parseImageReference('wheelhouse/does-not-exist'), false);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(rpcError(r.error)).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/wheelhouse/does-not-exist:latest": failed to resolve reference "docker.io/wheelhouse/does-not-exist:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('answers "not found" for a missing tag of a known repository', () => {
    const r = pullImage(parseImageReference('nginx:1.99'), false);
    expect(!r.ok && rpcError(r.error)).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    );
  });

  it('answers "no such host" for a registry that does not resolve', () => {
    const r = pullImage(parseImageReference('myregistry.example.com/team/app:v1'), false);
    expect(!r.ok && r.error.message).toMatch(
      /Head "https:\/\/myregistry\.example\.com\/v2\/team\/app\/manifests\/v1": dial tcp: lookup myregistry\.example\.com: no such host$/,
    );
  });

  it('finds an image by digest', () => {
    const byTag = findImage(parseImageReference('redis:7'));
    const byDigest = findImage(parseImageReference(`redis@${byTag?.info.digest ?? ''}`));
    expect(byDigest?.info.sizeBytes).toBe(byTag?.info.sizeBytes);
  });
});

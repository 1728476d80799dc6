import { OFFICIAL_IMAGES } from './catalogue';
import { fakeSha256 } from './digest';
import type { ImageReference } from './reference';
import { DEFAULT_DOMAIN } from './reference';
import type { ImageVariant, Repository } from './repository';
import { TEACHING_IMAGES } from './teaching';
import type { ImageInfo, PullError } from './types';

// The simulated registries, as containerd 1.7's CRI plugin sees them when it pulls.
//   [PULL1] a repository Docker Hub does not have fails with "pull access denied, repository does
//           not exist or may require authorization" (gRPC Unknown), like any private or mistyped
//           name.
//   [PULL2] a known repository with an unknown tag fails with "<ref>: not found" (gRPC NotFound).
//   [PULL3] a registry host that does not resolve fails with "no such host".
//   [PULL4] a pull takes 400 ms plus the compressed size at 30 MB/s; re-pulling an image already
//           present (imagePullPolicy Always) only resolves the manifest: 300 ms plus 1 ms per MB.

const repositories = new Map<string, Repository>(
  [...OFFICIAL_IMAGES, ...TEACHING_IMAGES].map((r) => [r.repository, r]),
);

/** Registries that exist; repositories missing from them are "not found" rather than denied. */
const OTHER_REGISTRIES = new Set([
  'registry.k8s.io',
  'gcr.io',
  'quay.io',
  'ghcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
]);

/** Bytes per virtual ms a pull downloads: 30 MB/s. [PULL4] */
export const PULL_BYTES_PER_MS = 30_000;

/** Returns every repository in the catalogue (for docs and views). */
export function allRepositories(): readonly Repository[] {
  return [...repositories.values()];
}

/** The result of asking a registry for an image. */
export type PullOutcome =
  | { ok: true; image: ImageInfo; variant: ImageVariant; durationMs: number }
  | { ok: false; error: PullError; durationMs: number };

/** Looks an image up without pulling it: the catalogue entry a reference names, if any. */
export function findImage(
  ref: ImageReference,
): { info: ImageInfo; variant: ImageVariant } | undefined {
  const repo = repositories.get(ref.repository);
  if (!repo) return undefined;
  if (ref.digest !== undefined) return findByDigest(repo, ref.digest);
  const variant = repo.image(ref.tag ?? 'latest');
  return variant && { info: imageInfo(repo, variant), variant };
}

/** Pulls an image: what containerd answers and how long it takes. [PULL1]-[PULL4] */
export function pullImage(ref: ImageReference, alreadyPresent: boolean): PullOutcome {
  const found = findImage(ref);
  if (found) {
    const size = found.info.sizeBytes;
    const durationMs = alreadyPresent
      ? 300 + Math.round(size / 1_000_000)
      : 400 + Math.round(size / PULL_BYTES_PER_MS);
    return { ok: true, image: found.info, variant: found.variant, durationMs };
  }
  const { normalized } = ref;
  const prefix = `failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": `;
  if (
    ref.domain !== DEFAULT_DOMAIN &&
    !OTHER_REGISTRIES.has(ref.domain) &&
    !repositories.has(ref.repository)
  ) {
    const path = ref.path;
    const what = ref.digest ?? ref.tag ?? 'latest';
    const message = `${prefix}failed to do request: Head "https://${ref.domain}/v2/${path}/manifests/${what}": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')}: no such host`;
    return { ok: false, error: { grpcCode: 'Unknown', message }, durationMs: 25 };
  }
  if (ref.domain === DEFAULT_DOMAIN && !repositories.has(ref.repository)) {
    const message = `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    return { ok: false, error: { grpcCode: 'Unknown', message }, durationMs: 600 };
  }
  return {
    ok: false,
    error: { grpcCode: 'NotFound', message: `${prefix}${normalized}: not found` },
    durationMs: 450,
  };
}

/** Formats a pull error as the kubelet prints it: "rpc error: code = NotFound desc = …". */
export function rpcError(e: PullError): string {
  return `rpc error: code = ${e.grpcCode} desc = ${e.message}`;
}

function imageInfo(repo: Repository, variant: ImageVariant): ImageInfo {
  const canonical = variant.aliases[0] ?? variant.tag;
  const digest = `sha256:${fakeSha256(`${repo.repository}:${canonical}`)}`;
  return {
    name: `${repo.repository}:${variant.tag}`,
    repository: repo.repository,
    tag: variant.tag,
    digest,
    imageID: `${repo.repository}@${digest}`,
    sizeBytes: variant.sizeBytes,
    aliases: variant.aliases,
  };
}

function findByDigest(
  repo: Repository,
  digest: string,
): { info: ImageInfo; variant: ImageVariant } | undefined {
  for (const tag of repo.tags) {
    const variant = repo.image(tag);
    if (!variant) continue;
    const info = imageInfo(repo, variant);
    if (info.digest === digest)
      return { info: { ...info, name: `${repo.repository}@${digest}` }, variant };
  }
  return undefined;
}

// Image references as containerd resolves them (github.com/distribution/reference, normalized):
// "nginx" is docker.io/library/nginx:latest, "wheelhouse/crash:10s" is docker.io/wheelhouse/crash.
//   [REF1] a name without a tag or digest gets ":latest" (the kubelet's applyDefaultImageTag).
//   [REF2] a first component with "." or ":" or equal to "localhost" is a registry host.
//   [REF3] upper-case repository names and malformed references are InvalidImageName, with the
//          parser's wording.

/** The registry a short name refers to. */
export const DEFAULT_DOMAIN = 'docker.io';

/** A parsed, normalized image reference. */
export interface ImageReference {
  /** What the pod spec says: "nginx". */
  raw: string;
  /** docker.io */
  domain: string;
  /** library/nginx */
  path: string;
  /** The tag; "latest" when neither a tag nor a digest was given. */
  tag?: string;
  /** sha256:… when the reference pins a digest. */
  digest?: string;
  /** docker.io/library/nginx */
  repository: string;
  /** docker.io/library/nginx:latest (or …@sha256:… for a digest). */
  normalized: string;
}

/** Raised for a reference the kubelet cannot parse; message as parsers.ParseImageName words it. */
export class InvalidImageNameError extends Error {}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-f]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9-]+)*(?::[0-9]+)?$/;

/** Parses and normalizes a reference [REF1][REF2]; throws InvalidImageNameError [REF3]. */
export function parseImageReference(raw: string): ImageReference {
  const fail = (why: string): never => {
    throw new InvalidImageNameError(`couldn't parse image name "${raw}": ${why}`);
  };
  if (raw === '') fail('repository name must have at least one component');
  const [nameAndTag, digest, extra] = raw.split('@');
  if (extra !== undefined || nameAndTag === undefined) return fail('invalid reference format');
  const { domain, remainder } = splitDomain(nameAndTag);
  const colon = remainder.lastIndexOf(':');
  const path = colon >= 0 ? remainder.slice(0, colon) : remainder;
  const tag = colon >= 0 ? remainder.slice(colon + 1) : undefined;
  if (path.toLowerCase() !== path)
    fail(`invalid reference format: repository name (${path}) must be lowercase`);
  if (!HOST.test(domain) || !path.split('/').every((c) => COMPONENT.test(c)))
    fail('invalid reference format');
  if (tag !== undefined && !TAG.test(tag)) fail('invalid reference format');
  if (digest !== undefined && !DIGEST.test(digest)) fail('invalid reference format');
  const repository = `${domain}/${path}`;
  const finalTag = tag ?? (digest === undefined ? 'latest' : undefined);
  const normalized =
    digest !== undefined ? `${repository}@${digest}` : `${repository}:${finalTag ?? 'latest'}`;
  return { raw, domain, path, tag: finalTag, digest, repository, normalized };
}

function splitDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isHost =
    first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!isHost) {
    const remainder = slash < 0 ? `library/${name}` : name;
    return { domain: DEFAULT_DOMAIN, remainder };
  }
  const rest = name.slice(slash + 1);
  // docker.io/nginx is docker.io/library/nginx, as the normalizer rewrites it.
  const remainder = first === DEFAULT_DOMAIN && !rest.includes('/') ? `library/${rest}` : rest;
  return { domain: first === 'index.docker.io' ? DEFAULT_DOMAIN : first, remainder };
}

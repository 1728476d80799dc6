import { Mi } from './programs';
import type { ImageVariant, Repository } from './repository';
import type { ProgramRun } from './shell/toolbox';

// Teaching images: small BusyBox-based apps under docker.io/wheelhouse/ that misbehave on purpose,
// each in one well-defined way, so a lesson can show a failure students will meet on real
// clusters. The tag is the knob: wheelhouse/crash:30s-exit3 crashes after 30 s with exit code 3.
// Every app serves HTTP on 8080 ("200 OK") while it is up and exits 0 on SIGTERM unless stated.
//   [TEACH1] durations are "<N>s" or "<N>m"; a tag that does not parse is a missing tag.

/** The registry namespace of the teaching images. */
export const TEACHING_NAMESPACE = 'docker.io/wheelhouse';
/** The port every teaching app listens on. */
export const TEACHING_PORT = 8080;

const BASE_SIZE = 4823040;

/** Parses "<N>s" or "<N>m" into milliseconds. [TEACH1] */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d{1,5})(s|m)$/.exec(s);
  return m ? Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000) : undefined;
}

/** Parses "64Mi", "1Gi", "500M" into bytes. */
export function parseMemory(s: string): number | undefined {
  const m = /^(\d{1,6})(Ki|Mi|Gi|K|M|G)$/.exec(s);
  if (!m) return undefined;
  const unit: Record<string, number> = { Ki: 1024, Mi, Gi: 1024 * Mi, K: 1e3, M: 1e6, G: 1e9 };
  return Number(m[1]) * (unit[m[2] as string] ?? 1);
}

/** An app that serves 200 on 8080 and exits 0 on SIGTERM, before any teaching twist. */
function app(extra: Partial<ProgramRun> = {}): ProgramRun {
  return {
    stop: () => ({ afterMs: 20, code: 0 }),
    http: (port) => (port === TEACHING_PORT ? 200 : undefined),
    tcp: (port) => port === TEACHING_PORT,
    memory: { bytes: 6 * Mi, rampMs: 100 },
    ...extra,
  };
}

type Params = (tag: string) => ProgramRun | undefined;

function teaching(
  name: string,
  summary: string,
  size: number,
  tags: string[],
  run: Params,
): Repository {
  const path = `/app/${name}`;
  return {
    repository: `${TEACHING_NAMESPACE}/${name}`,
    summary,
    tags,
    image(tag): ImageVariant | undefined {
      const behaviourRun = run(tag);
      if (!behaviourRun) return undefined;
      return {
        tag,
        aliases: [tag],
        sizeBytes: size,
        behaviour: {
          flavor: 'busybox',
          entrypoint: [path],
          cmd: [],
          wrappers: [],
          programs: { [path]: () => behaviourRun, [name]: () => behaviourRun },
        },
      };
    },
  };
}

function crashTag(tag: string): { afterMs: number; code: number } | undefined {
  if (tag === 'latest') return { afterMs: 10_000, code: 1 };
  const exitOnly = /^exit(\d{1,3})$/.exec(tag);
  if (exitOnly) return { afterMs: 10_000, code: Number(exitOnly[1]) };
  const [dur, exit] = tag.split('-exit');
  const afterMs = parseDuration(dur ?? '');
  const code = exit === undefined ? 1 : /^\d{1,3}$/.test(exit) ? Number(exit) : NaN;
  return afterMs === undefined || !(code >= 0 && code <= 255) ? undefined : { afterMs, code };
}

/** The teaching repositories. */
export const TEACHING_IMAGES: readonly Repository[] = [
  teaching(
    'crash',
    'Serves on 8080, then crashes: crash:<N>s-exit<E> (latest: 10s, exit 1).',
    BASE_SIZE,
    ['latest', '10s', '30s-exit3', 'exit137'],
    (tag) => {
      const c = crashTag(tag);
      return c && app({ exit: c, output: `fatal: crashing with exit code ${c.code}` });
    },
  ),
  teaching(
    'complete',
    'Does its work and exits 0: complete:<N>s (latest: 5s).',
    BASE_SIZE,
    ['latest', '5s', '1m'],
    (tag) => {
      const afterMs = tag === 'latest' ? 5000 : parseDuration(tag);
      return afterMs === undefined ? undefined : app({ exit: { afterMs, code: 0 } });
    },
  ),
  teaching(
    'never-ready',
    'Runs forever but its HTTP endpoints answer 503: readiness never passes.',
    BASE_SIZE,
    ['latest', 'v1'],
    (tag) =>
      tag === 'latest' || tag === 'v1'
        ? app({ http: (port) => (port === TEACHING_PORT ? 503 : undefined) })
        : undefined,
  ),
  teaching(
    'unhealthy',
    'Healthy for N seconds, then HTTP 500 and /tmp/healthy removed: unhealthy:<N>s (latest: 30s).',
    BASE_SIZE,
    ['latest', '30s', '2m'],
    (tag) => {
      const afterMs = tag === 'latest' ? 30_000 : parseDuration(tag);
      if (afterMs === undefined) return undefined;
      return app({
        http: (port, _path, age) =>
          port !== TEACHING_PORT ? undefined : age < afterMs ? 200 : 500,
        files: [
          { atMs: 0, path: '/tmp/healthy', exists: true },
          { atMs: afterMs, path: '/tmp/healthy', exists: false },
        ],
      });
    },
  ),
  teaching(
    'slow-start',
    'Listens on 8080 only after N seconds: slow-start:<N>s (latest: 60s).',
    BASE_SIZE,
    ['latest', '60s', '2m'],
    (tag) => {
      const afterMs = tag === 'latest' ? 60_000 : parseDuration(tag);
      if (afterMs === undefined) return undefined;
      return app({
        http: (port, _path, age) => (port === TEACHING_PORT && age >= afterMs ? 200 : undefined),
        tcp: (port, age) => port === TEACHING_PORT && age >= afterMs,
      });
    },
  ),
  teaching(
    'memory-hog',
    'Allocates the tagged amount within 3 s and holds it: memory-hog:<size> (latest: 256Mi).',
    BASE_SIZE,
    ['latest', '64Mi', '512Mi', '1Gi'],
    (tag) => {
      const bytes = tag === 'latest' ? 256 * Mi : parseMemory(tag);
      return bytes === undefined ? undefined : app({ memory: { bytes, rampMs: 3000 } });
    },
  ),
  teaching(
    'large',
    'A 2.5 GB image: pulling it takes well over a minute. Then serves on 8080.',
    2512388096,
    ['latest'],
    (tag) => (tag === 'latest' ? app() : undefined),
  ),
  teaching(
    'stubborn',
    'Serves on 8080 and ignores SIGTERM: killed with SIGKILL (137) at the end of the grace period.',
    BASE_SIZE,
    ['latest'],
    (tag) => (tag === 'latest' ? app({ stop: undefined }) : undefined),
  ),
  teaching(
    'hello',
    'A well-behaved web app on 8080 for rollouts: hello:v1, v2, v3 (latest is v3).',
    BASE_SIZE,
    ['v1', 'v2', 'v3', 'latest'],
    (tag) => (['v1', 'v2', 'v3', 'latest'].includes(tag) ? app() : undefined),
  ),
];

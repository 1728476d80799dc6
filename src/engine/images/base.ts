import { Mi, go, node, npm, python, server, stress } from './programs';
import type { Repository } from './repository';
import { staticRepository } from './repository';
import { instant } from './shell/toolbox';

// Language runtimes, base OS images, a proxy, a registry and tools: Docker Hub official images
// with their usual tags and compressed linux/amd64 sizes (late-2024 releases).

const ENTRY = 'docker-entrypoint.sh';
const wrap = { wrappers: [ENTRY, `/usr/local/bin/${ENTRY}`, `/${ENTRY}`] };
const lib = (name: string): string => `docker.io/library/${name}`;

/** Language runtimes, OS images and tools. */
export const BASE_IMAGES: readonly Repository[] = [
  staticRepository({
    repository: lib('node'),
    summary: 'Node.js; the default "node" REPL exits 0 at once without a terminal.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['node'],
    ...wrap,
    programs: { node, npm, npx: npm, yarn: npm, curl: instant, git: instant },
    images: [
      { tags: ['23', '23.3', 'current', 'latest'], size: 412880004 },
      { tags: ['22', '22.11', 'lts'], size: 405001113 },
      { tags: ['20', '20.18'], size: 393221400 },
      { tags: ['22-alpine', 'lts-alpine', 'alpine'], size: 47119238 },
      { tags: ['20-alpine'], size: 45991827 },
      { tags: ['22-slim', 'lts-slim', 'slim'], size: 76994117 },
    ],
  }),
  staticRepository({
    repository: lib('python'),
    summary: 'Python; the default "python3" exits 0 at once without a terminal.',
    flavor: 'gnu',
    entrypoint: [],
    cmd: ['python3'],
    programs: {
      python,
      python3: python,
      pip: instant,
      pip3: instant,
      curl: instant,
      wget: instant,
    },
    images: [
      { tags: ['3.13', '3', 'latest'], size: 385118920 },
      { tags: ['3.12'], size: 376300122 },
      { tags: ['3.11'], size: 372119440 },
      { tags: ['3.13-slim', '3-slim', 'slim'], size: 45210880 },
      { tags: ['3.12-slim'], size: 44889100 },
      { tags: ['3.13-alpine', '3-alpine', 'alpine'], size: 17920330 },
    ],
  }),
  staticRepository({
    repository: lib('golang'),
    summary: 'Go toolchain; the default "bash" exits 0 at once without a terminal.',
    flavor: 'gnu',
    entrypoint: [],
    cmd: ['bash'],
    programs: { go, gofmt: instant, curl: instant, git: instant, wget: instant },
    images: [
      { tags: ['1.23', '1', 'latest'], size: 290113902 },
      { tags: ['1.22'], size: 282009511 },
      { tags: ['1.23-alpine', 'alpine'], size: 77001220 },
    ],
  }),
  staticRepository({
    repository: lib('traefik'),
    summary: 'Traefik proxy on port 80 (404 until routes exist); exits 0 on SIGTERM.',
    flavor: 'busybox',
    entrypoint: ['/entrypoint.sh'],
    cmd: ['traefik'],
    wrappers: ['/entrypoint.sh'],
    programs: {
      traefik: server({
        ports: [80, 8080],
        http: { 80: 404 },
        stop: { code: 0, afterMs: 200 },
        memoryBytes: 40 * Mi,
        startupMs: 300,
      }),
    },
    images: [
      { tags: ['v3.2', 'v3', '3.2', 'latest'], size: 49118320 },
      { tags: ['v2.11', 'v2', '2.11'], size: 45770123 },
    ],
  }),
  staticRepository({
    repository: lib('registry'),
    summary: 'The Docker registry on port 5000; exits 0 on SIGTERM.',
    flavor: 'busybox',
    entrypoint: ['/entrypoint.sh'],
    cmd: ['/etc/docker/registry/config.yml'],
    wrappers: ['/entrypoint.sh'],
    programs: {
      '/etc/docker/registry/config.yml': server({
        ports: [5000],
        http: { 5000: 200 },
        stop: { code: 0, afterMs: 100 },
        memoryBytes: 10 * Mi,
        startupMs: 100,
      }),
      registry: server({
        ports: [5000],
        http: { 5000: 200 },
        stop: { code: 0, afterMs: 100 },
        memoryBytes: 10 * Mi,
        startupMs: 100,
      }),
    },
    images: [{ tags: ['2', '2.8', '2.8.3', 'latest'], size: 9964102 }],
  }),
  staticRepository({
    repository: lib('busybox'),
    summary: 'BusyBox: the default "sh" exits 0 at once; runs command one-liners.',
    flavor: 'busybox',
    entrypoint: [],
    cmd: ['sh'],
    programs: {},
    images: [
      { tags: ['1.37', '1.37.0', 'stable', 'latest'], size: 2158294 },
      { tags: ['1.36', '1.36.1'], size: 2152262 },
      { tags: ['1.35'], size: 2141880 },
    ],
  }),
  staticRepository({
    repository: lib('alpine'),
    summary: 'Alpine Linux: the default "/bin/sh" exits 0 at once.',
    flavor: 'busybox',
    entrypoint: [],
    cmd: ['/bin/sh'],
    programs: { apk: instant },
    images: [
      { tags: ['3.20', '3.20.3', '3', 'latest'], size: 3623807 },
      { tags: ['3.19', '3.19.4'], size: 3418204 },
      { tags: ['3.18'], size: 3355012 },
    ],
  }),
  staticRepository({
    repository: lib('ubuntu'),
    summary: 'Ubuntu: the default "/bin/bash" exits 0 at once.',
    flavor: 'gnu',
    entrypoint: [],
    cmd: ['/bin/bash'],
    programs: { 'apt-get': instant, apt: instant },
    images: [
      { tags: ['24.04', 'noble', 'latest'], size: 29754290 },
      { tags: ['22.04', 'jammy'], size: 29537261 },
      { tags: ['20.04', 'focal'], size: 27510614 },
    ],
  }),
  staticRepository({
    repository: lib('debian'),
    summary: 'Debian: the default "bash" exits 0 at once.',
    flavor: 'gnu',
    entrypoint: [],
    cmd: ['bash'],
    programs: { 'apt-get': instant, apt: instant },
    missing: ['ps', 'ping'],
    images: [
      { tags: ['12', 'bookworm', 'stable', 'latest'], size: 49582521 },
      { tags: ['12-slim', 'bookworm-slim', 'stable-slim'], size: 28227259 },
      { tags: ['11', 'bullseye'], size: 55076112 },
    ],
  }),
  staticRepository({
    repository: 'docker.io/polinux/stress',
    summary: 'stress, as in the Kubernetes memory-limit docs: --vm 1 --vm-bytes 250M holds 250M.',
    flavor: 'busybox',
    entrypoint: [],
    cmd: ['stress', '--help'],
    programs: { stress },
    images: [{ tags: ['latest', '1.0.4'], size: 4013128 }],
  }),
  staticRepository({
    repository: 'registry.k8s.io/pause',
    summary: 'The pod sandbox image every node already has.',
    flavor: 'busybox',
    entrypoint: ['/pause'],
    cmd: [],
    programs: {
      '/pause': server({ ports: [], stop: { code: 0, afterMs: 0 }, memoryBytes: 0, startupMs: 0 }),
    },
    images: [
      { tags: ['3.10'], size: 320368 },
      { tags: ['3.9'], size: 321520 },
    ],
  }),
];

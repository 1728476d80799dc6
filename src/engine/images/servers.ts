import { Mi, httpd, nginx, server } from './programs';
import type { Repository } from './repository';
import { staticRepository } from './repository';
import { instant } from './shell/toolbox';

// Server images: Docker Hub official web servers, databases and brokers with their usual tags and
// compressed linux/amd64 sizes (what containerd reports as "Image size", late-2024 releases), each
// with how its server starts, listens, uses memory and answers its stop signal.

const ENTRY = 'docker-entrypoint.sh';
const wrap = { wrappers: [ENTRY, `/usr/local/bin/${ENTRY}`, `/${ENTRY}`] };
const lib = (name: string): string => `docker.io/library/${name}`;

/** The server images: web servers, databases, brokers, proxies. */
export const SERVER_IMAGES: readonly Repository[] = [
  staticRepository({
    repository: lib('nginx'),
    summary: 'Web server on port 80; STOPSIGNAL SIGQUIT, exits 0 at once when stopped.',
    flavor: 'gnu',
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    wrappers: ['/docker-entrypoint.sh'],
    programs: {
      nginx: nginx({
        ports: [80],
        http: { 80: 200 },
        stop: { code: 0, afterMs: 50 },
        memoryBytes: 12 * Mi,
        startupMs: 100,
      }),
      curl: instant,
    },
    images: [
      { tags: ['1.27', '1.27.3', 'mainline', 'latest'], size: 72195292 },
      { tags: ['1.26', '1.26.2', 'stable'], size: 70977452 },
      { tags: ['1.25', '1.25.5'], size: 70544635 },
      { tags: ['alpine', '1.27-alpine', 'mainline-alpine'], size: 20476312 },
      { tags: ['1.25-alpine'], size: 18966912 },
    ],
  }),
  staticRepository({
    repository: lib('httpd'),
    summary: 'Apache httpd on port 80; STOPSIGNAL SIGWINCH, exits 0 at once when stopped.',
    flavor: 'gnu',
    entrypoint: [],
    cmd: ['httpd-foreground'],
    programs: {
      'httpd-foreground': httpd(apache(), false),
      httpd: httpd(apache(), true),
      apachectl: instant,
    },
    images: [
      { tags: ['2.4', '2.4.62', 'latest'], size: 58245812 },
      { tags: ['alpine', '2.4-alpine'], size: 22100418 },
    ],
  }),
  staticRepository({
    repository: lib('redis'),
    summary: 'Redis on TCP 6379; saves and exits 0 on SIGTERM.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['redis-server'],
    ...wrap,
    programs: {
      'redis-server': server({
        ports: [6379],
        stop: { code: 0, afterMs: 100 },
        memoryBytes: 8 * Mi,
        startupMs: 50,
        portFlag: '--port',
      }),
      'redis-cli': instant,
    },
    images: [
      { tags: ['7', '7.4', '7.4.1', 'latest'], size: 45022640 },
      { tags: ['7.2', '7.2.6'], size: 43318530 },
      { tags: ['6', '6.2', '6.2.16'], size: 40112874 },
      { tags: ['alpine', '7-alpine'], size: 17288310 },
    ],
  }),
  staticRepository({
    repository: lib('postgres'),
    summary: 'PostgreSQL on TCP 5432; needs POSTGRES_PASSWORD, else exits 1 at start.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['postgres'],
    ...wrap,
    programs: {
      postgres: server({
        ports: [5432],
        stop: { code: 0, afterMs: 300 },
        memoryBytes: 40 * Mi,
        startupMs: 3000,
        needsEnv: {
          anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
          message: 'Error: Database is uninitialized and superuser password is not specified.',
        },
      }),
      pg_isready: instant,
      psql: instant,
    },
    images: [
      { tags: ['17', '17.2', 'latest'], size: 158240112 },
      { tags: ['16', '16.6'], size: 153900345 },
      { tags: ['15', '15.10'], size: 151270034 },
      { tags: ['16-alpine', 'alpine'], size: 91340223 },
    ],
  }),
  staticRepository({
    repository: lib('mysql'),
    summary: 'MySQL on TCP 3306; needs MYSQL_ROOT_PASSWORD, uses ~380Mi.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['mysqld'],
    ...wrap,
    programs: {
      mysqld: server({
        ports: [3306, 33060],
        stop: { code: 0, afterMs: 1500 },
        memoryBytes: 380 * Mi,
        startupMs: 10000,
        needsEnv: {
          anyOf: [
            'MYSQL_ROOT_PASSWORD',
            'MYSQL_ALLOW_EMPTY_PASSWORD',
            'MYSQL_RANDOM_ROOT_PASSWORD',
          ],
          message:
            '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        },
      }),
      mysql: instant,
      mysqladmin: instant,
    },
    images: [
      { tags: ['9', '9.1', '9.1.0', 'latest'], size: 173447320 },
      { tags: ['8.4', '8', 'lts'], size: 168900211 },
      { tags: ['8.0', '8.0.40'], size: 166452301 },
    ],
  }),
  staticRepository({
    repository: lib('mongo'),
    summary: 'MongoDB on TCP 27017; exits 0 on SIGTERM.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['mongod'],
    ...wrap,
    programs: {
      mongod: server({
        ports: [27017],
        stop: { code: 0, afterMs: 500 },
        memoryBytes: 160 * Mi,
        startupMs: 1500,
        portFlag: '--port',
      }),
      mongosh: instant,
    },
    images: [
      { tags: ['8', '8.0', '8.0.3', 'latest'], size: 272114007 },
      { tags: ['7', '7.0', '7.0.15'], size: 251320559 },
      { tags: ['6', '6.0'], size: 243877040 },
    ],
  }),
  staticRepository({
    repository: lib('memcached'),
    summary: 'memcached on TCP 11211; exits 0 on SIGTERM.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['memcached'],
    ...wrap,
    programs: {
      memcached: server({
        ports: [11211],
        stop: { code: 0, afterMs: 20 },
        memoryBytes: 3 * Mi,
        startupMs: 20,
        portFlag: '-p',
      }),
    },
    images: [
      { tags: ['1.6', '1.6.32', 'latest'], size: 31240118 },
      { tags: ['alpine', '1.6-alpine'], size: 4812009 },
    ],
  }),
  staticRepository({
    repository: lib('rabbitmq'),
    summary: 'RabbitMQ on TCP 5672 (management tags add HTTP 15672); slow to start.',
    flavor: 'gnu',
    entrypoint: [ENTRY],
    cmd: ['rabbitmq-server'],
    ...wrap,
    programs: {
      'rabbitmq-server': server({
        ports: [5672, 4369, 25672, 15672],
        http: { 15672: 200 },
        stop: { code: 0, afterMs: 3000 },
        memoryBytes: 130 * Mi,
        startupMs: 8000,
      }),
      rabbitmqctl: instant,
      'rabbitmq-diagnostics': instant,
    },
    images: [
      { tags: ['4', '4.0', '4.0.3', 'latest'], size: 103220777 },
      { tags: ['3', '3.13', '3.13.7'], size: 97455123 },
      { tags: ['management', '4-management', '4.0-management'], size: 113560331 },
      { tags: ['3-management', '3.13-management'], size: 107220118 },
    ],
  }),
];

function apache(): Parameters<typeof server>[0] {
  return {
    ports: [80],
    http: { 80: 200 },
    stop: { code: 0, afterMs: 50 },
    memoryBytes: 10 * Mi,
    startupMs: 100,
  };
}

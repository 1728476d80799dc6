import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import type { BareMeasurement, Measurement } from './measure';
import { formatTable, type Result } from './report';
import { WORKLOADS } from './workloads';

// `npm run bench [-- --json] [--workload NAME …] [--seed N]`: runs each workload in its own
// Node process and prints the figures. It never fails on speed; it fails only if a run breaks.
// The engine is bundled first, as the browser build bundles it: run through tsx's per-module
// transform, every imported binding would be read through an interop getter, which costs the
// scheduler's inner loops a third of their time and says nothing about the engine.

// How each child Node runs. The full pipeline keeps every pod's objects alive from creation to
// Running, so much of what the young generation holds survives it; with V8's default 16 MiB
// semi-spaces the scavenger copied it over and over (a fifth of a 50k run's time). 64 MiB halves
// the scavenging and is tuning a server would do, not a change to what is simulated.
const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=16384', '--max-semi-space-size=64'];

const USAGE = `usage: npm run bench -- [--json] [--workload NAME]... [--seed N]
workloads: ${WORKLOADS.map((w) => w.name).join(', ')}`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        workload: { type: 'string', multiple: true },
        seed: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const chosen = values.workload ?? WORKLOADS.map((w) => w.name);
  const unknown = chosen.filter((n) => !WORKLOADS.some((w) => w.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`error: unknown workload ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const child = bundleChild();
  process.on('exit', () => rmSync(dirname(child), { recursive: true, force: true }));
  const inputs = join(dirname(child), 'inputs.json');
  const run = (mode: string, name: string): object => {
    const args = [...NODE_FLAGS, child, mode, name, values.seed];
    try {
      const out = execFileSync(process.execPath, [...args, inputs], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return JSON.parse(out) as object;
    } catch {
      throw new Error(`the ${mode} run of ${name} failed (its error is printed above)`);
    }
  };
  const results: Result[] = [];
  for (const name of chosen) {
    if (!values.json) process.stderr.write(`running ${name}…\n`);
    const full = run('full', name) as Measurement;
    const bare = run('bare', name) as BareMeasurement;
    const result: Result = { ...full, ...bare, ratio: full.seconds_to_running / bare.bare_seconds };
    results.push(result);
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  if (!values.json) process.stdout.write(`${formatTable(results)}\n`);
  return 0;
}

/**
 * Bundles child.ts into one ES module in a directory of this run's own under node_modules/.cache
 * (inside the project, so the bundle resolves the libraries it leaves external; per run, so two
 * benchmarks at once do not overwrite each other's bundle or inputs). Returns its path.
 */
function bundleChild(): string {
  const outfile = fileURLToPath(
    new URL(`../../node_modules/.cache/wheelhouse-bench/${process.pid}/child.mjs`, import.meta.url),
  );
  buildSync({
    entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Libraries load as they are; only the engine's own modules are bundled.
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}

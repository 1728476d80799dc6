import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultNodes } from '../engine/cluster';
import { runScript } from '../engine/script/run';
import { createSimulation } from '../engine/simulation';
import { toJsonLine } from '../engine/trace/message';

// The headless CLI: runs a script of kubectl / sleep / sim commands against a fresh simulated
// cluster and prints the transcript. Same seed and script → byte-identical output and trace.

const USAGE = `usage: npm run --silent sim -- [--seed N] [--nodes N] [--trace FILE] SCRIPT
  SCRIPT      a file of commands, or - to read them from stdin
  --seed N    seed of the simulation's random choices (default 1)
  --nodes N   number of worker nodes node-1 … node-N (default 3)
  --trace F   write every message hop as JSON Lines to F
`;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n${USAGE}`);
  process.exit(2);
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        nodes: { type: 'string' },
        trace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length !== 1) fail('exactly one SCRIPT is required');
  const seed = integer(values.seed ?? '1', '--seed', 0);
  const nodes = integer(values.nodes ?? '3', '--nodes', 0);
  const scriptPath = positionals[0] as string;
  let source: string;
  try {
    source = readFileSync(scriptPath === '-' ? 0 : scriptPath, 'utf8');
  } catch (e) {
    fail(`cannot read ${scriptPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const baseDir = scriptPath === '-' ? process.cwd() : dirname(resolve(scriptPath));
  const engine = createSimulation({ seed, nodes: defaultNodes(nodes) });
  const trace = values.trace ? new LineWriter(values.trace) : undefined;
  if (trace) {
    for (const m of engine.trace.all()) trace.write(toJsonLine(m));
    engine.trace.subscribe((m) => trace.write(toJsonLine(m)));
  }
  runScript(
    engine,
    source,
    (text) => process.stdout.write(text),
    (path) => readIfPresent(resolve(baseDir, path)),
  );
  trace?.close();
}

/** Writes lines to a file in large chunks: a trace can hold millions of hops. */
class LineWriter {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(path: string) {
    try {
      this.fd = openSync(path, 'w');
    } catch (e) {
      fail(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }

  write(line: string): void {
    this.chunks.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
}

function integer(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) fail(`${flag} must be an integer ≥ ${min}, got "${text}"`);
  return n;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

main(process.argv.slice(2));

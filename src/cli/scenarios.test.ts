import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Scenario tests drive the real headless CLI, as a person or another tool would, and compare the
// transcript with a reviewed golden file (<name>.out beside <name>.sim). To accept a deliberate
// change, run with UPDATE_SCENARIOS=1 and review the diff.

const dir = join(import.meta.dirname, 'scenarios');
const sim = (args: string[], input?: string): string =>
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'sim.ts'), ...args],
    {
      input,
      encoding: 'utf8',
    },
  );

describe('sim scenarios', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sim'))) {
    it(file, () => {
      const out = sim([join(dir, file)]);
      const golden = join(dir, file.replace(/\.sim$/, '.out'));
      if (process.env.UPDATE_SCENARIOS) writeFileSync(golden, out);
      expect(out).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('sim CLI contract', () => {
  it('reads the script from stdin, honours --seed and --nodes, and writes the trace as JSON Lines', () => {
    const trace = join(mkdtempSync(join(tmpdir(), 'sim-')), 'trace.jsonl');
    const script = 'kubectl get nodes --no-headers\nkubectl run web --image=nginx\nsleep 10s\n';
    const out = sim(['--seed', '7', '--nodes', '5', '--trace', trace, '-'], script);
    expect(out.split('\n').filter((l) => /^node-\d+ +Ready/.test(l))).toHaveLength(5);
    const lines = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const [i, m] of lines.entries()) {
      expect(m.id).toBe(i + 1);
      for (const field of ['t', 'from', 'to', 'type', 'verb', 'cause'])
        expect(m).toHaveProperty(field);
      if (m.cause !== null) expect(m.cause).toBeLessThan(m.id);
    }
    const root = lines.find((m) => m.command === 'kubectl run web --image=nginx');
    expect(root).toMatchObject({
      from: 'kubectl',
      to: 'kube-apiserver',
      type: 'request',
      verb: 'POST',
      cause: null,
    });
    const names = new Set(lines.flatMap((m) => [m.from, m.to]));
    for (const c of [
      'kubectl',
      'kube-apiserver',
      'etcd',
      'kube-scheduler',
      'kubelet/node-1',
      'replicaset-controller',
    ]) {
      expect(names).toContain(c);
    }
    expect(sim(['--seed', '7', '--nodes', '5', '-'], script)).toBe(out);
  });

  it('refuses bad arguments with usage and exit code 2', () => {
    expect(() => sim(['--nodes', 'many', '-'], '')).toThrow(/--nodes must be an integer/);
    expect(() => sim(['/no/such/script'], '')).toThrow(/cannot read \/no\/such\/script: ENOENT/);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

// `npm run bench:ui`: builds the site, serves it with vite preview, and measures in Debian's
// Chromium (headless) the frame intervals while the page animates a large cluster, and the size of
// the JavaScript the page loads before Monaco. Prints figures; never fails on them.

const PORT = 4510;
const BASE = `http://127.0.0.1:${PORT}/`;
const SECONDS = 10;
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A Deployment of n small pods, so thousands fit on the nodes. */
function deployment(n: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fleet
spec:
  replicas: ${n}
  selector:
    matchLabels: {app: fleet}
  template:
    metadata:
      labels: {app: fleet}
    spec:
      containers:
      - name: app
        image: registry.k8s.io/pause:3.10
        resources:
          requests: {cpu: 10m, memory: 16Mi}
`;
}

/** Returns the gzip size of the JavaScript index.html loads up front (scripts and modulepreloads). */
function initialJsGzip(dist: string): { files: string[]; bytes: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  return { files, bytes };
}

/**
 * Records requestAnimationFrame intervals for `seconds` and returns them in ms. The script is a
 * string because tsx would wrap a named function in a helper the page does not have.
 */
async function frameIntervals(page: Page, seconds: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${seconds * 1000};
    const frame = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve(out);
    };
    requestAnimationFrame(frame);
  })`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Scenario {
  name: string;
  nodes: number;
  pods: number;
}

const SCENARIOS: Scenario[] = [
  { name: '100 nodes, 3,000 pods rolling out', nodes: 100, pods: 3000 },
  { name: '1,000 nodes, 1,000 pods rolling out', nodes: 1000, pods: 1000 },
];

async function measure(page: Page, s: Scenario): Promise<string> {
  await page.goto(`${BASE}?nodes=${s.nodes}&seed=1`);
  await page.waitForFunction(() => window.wheelhouse !== undefined, undefined, {
    timeout: 300_000,
  });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await page.evaluate((yaml) => window.wheelhouse?.apply(yaml), deployment(s.pods));
  const intervals = await frameIntervals(page, SECONDS);
  const state = await page.evaluate(() => window.wheelhouse?.state());
  const running = state?.pods.filter((p) => p.status === 'Running').length ?? 0;
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  return [
    s.name.padEnd(38),
    `p95 ${percentile(intervals, 95).toFixed(1)} ms`.padEnd(14),
    `p50 ${percentile(intervals, 50).toFixed(1)} ms`.padEnd(14),
    `${(1000 / mean).toFixed(1)} fps`.padEnd(11),
    `${intervals.length} frames, ${running}/${s.pods} pods Running on screen after ${SECONDS} s`,
  ].join(' ');
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '../..');
  if (!process.argv.includes('--no-build'))
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
  const js = initialJsGzip(join(root, 'dist'));
  process.stdout.write(
    `initial JavaScript (gzip, Monaco excluded): ${(js.bytes / 1024).toFixed(1)} KiB in ${js.files.join(', ')}\n`,
  );
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    for (let i = 0; i < 100; i++) {
      const up = await fetch(BASE).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
    try {
      for (const s of SCENARIOS) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        process.stdout.write(`${await measure(page, s)}\n`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e: Error) => {
  process.stderr.write(`bench:ui failed: ${e.message}\n`);
  process.exitCode = 1;
});

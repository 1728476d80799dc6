import type { BareMeasurement, Measurement } from './measure';

// The human-readable table `npm run bench` prints (the README keeps a copy).

/** One workload's full and bare figures. */
export type Result = Measurement & BareMeasurement & { ratio: number };

const MiB = 1024 * 1024;

const COLUMNS: readonly [string, (r: Result) => string][] = [
  ['workload', (r) => r.workload],
  ['nodes', (r) => String(r.nodes)],
  ['pods', (r) => String(r.pods)],
  ['to Running (s)', (r) => r.seconds_to_running.toFixed(1)],
  ['pods/s', (r) => r.pods_per_second.toFixed(0)],
  ['virtual (s)', (r) => r.virtual_seconds.toFixed(1)],
  ['hops', (r) => String(r.hops)],
  ['peak heap (MiB)', (r) => (r.peak_heap_bytes / MiB).toFixed(0)],
  ['heap/pod (B)', (r) => r.heap_bytes_per_pod.toFixed(0)],
  ['bare (s)', (r) => r.bare_seconds.toFixed(2)],
  ['full/bare', (r) => r.ratio.toFixed(1)],
];

/** Formats results as a Markdown table. */
export function formatTable(results: readonly Result[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  const line = (row: string[]): string =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0] as string[]), rule, ...rows.slice(1).map(line)].join('\n');
}

import type { Child, Span, Timeline } from './run';

// Questions asked of a script's timeline at some age of its container: which files exist, when
// the current foreground command ends (a TERM trap runs only then), which programs are serving.

/** Returns the files the script has created (true) or removed (false) by an age. */
export function filesAt(tl: Timeline, ageMs: number): Map<string, boolean> {
  const files = new Map<string, boolean>();
  for (const f of tl.files) if (f.atMs <= ageMs) files.set(f.path, f.exists);
  const loop = tl.loop;
  if (loop && ageMs >= loop.startMs) {
    const rel = loop.periodMs > 0 ? (ageMs - loop.startMs) % loop.periodMs : 0;
    for (const f of loop.files) if (f.atMs <= rel) files.set(f.path, f.exists);
  }
  for (const c of running(tl, ageMs)) {
    for (const f of c.run.files ?? []) if (c.atMs + f.atMs <= ageMs) files.set(f.path, f.exists);
  }
  return files;
}

/** Returns when the foreground command running at an age ends (Infinity if it never does). */
export function foregroundEnd(tl: Timeline, ageMs: number): number {
  if (tl.child && !tl.child.exec && ageMs >= tl.child.atMs) return Infinity;
  const loop = tl.loop;
  if (loop && ageMs >= loop.startMs) {
    if (loop.periodMs === 0) return ageMs;
    const rel = (ageMs - loop.startMs) % loop.periodMs;
    const span = find(loop.spans, rel);
    return span ? ageMs + (span.endMs - rel) : ageMs;
  }
  return find(tl.spans, ageMs)?.endMs ?? ageMs;
}

/** Returns the programs (a waited-on child, background jobs) running at an age. */
export function running(tl: Timeline, ageMs: number): Child[] {
  const out = tl.background.filter((c) => c.atMs <= ageMs);
  if (tl.child && tl.child.atMs <= ageMs) out.unshift(tl.child);
  return out;
}

function find(spans: readonly Span[], t: number): Span | undefined {
  return spans.find((s) => s.startMs <= t && t < s.endMs);
}

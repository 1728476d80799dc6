// Virtual time as wall-clock strings: the simulated cluster's clock starts at a fixed instant so
// timestamps in objects replay byte-identically.

/** The wall-clock instant (Unix ms) at virtual time 0. */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/** Formats virtual ms as an RFC3339 timestamp with seconds precision, as metav1.Time marshals. */
export function rfc3339(virtualMs: number): string {
  const second = Math.floor(virtualMs / 1000);
  if (second !== lastSecond) {
    // One flat string per virtual second, shared by every object stamped in it: objects keep
    // their timestamps as long as etcd keeps their versions, and time mostly moves forward.
    lastSecond = second;
    lastStamp = [new Date(EPOCH_MS + second * 1000).toISOString().slice(0, 19), 'Z'].join('');
  }
  return lastStamp;
}

let lastSecond = NaN;
let lastStamp = '';

/** Formats virtual ms as an RFC3339 timestamp with microseconds, as metav1.MicroTime marshals. */
export function rfc3339Micro(virtualMs: number): string {
  return new Date(EPOCH_MS + Math.floor(virtualMs)).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Parses an RFC3339 timestamp back to virtual ms (NaN when malformed). */
export function parseTime(ts: string | undefined): number {
  if (!ts) return NaN;
  return Date.parse(ts) - EPOCH_MS;
}

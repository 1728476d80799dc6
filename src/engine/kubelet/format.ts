import type { Pod } from '../api/types';

// The two formats kubelet messages are built from: Go's time.Duration.String() and
// pkg/kubelet/util/format.Pod ("name_namespace(uid)").

/** Formats milliseconds as Go's Duration.String() does: 584ms, 2.806s, 1m20s, 5m0s, 1h0m0s. */
export function goDuration(ms: number): string {
  const whole = Math.round(ms);
  if (whole === 0) return '0s';
  if (whole < 1000) return `${whole}ms`;
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const millis = whole % 60_000;
  const seconds = `${Math.floor(millis / 1000)}${fraction(millis % 1000)}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

function fraction(ms: number): string {
  if (ms === 0) return '';
  return `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
}

/** Formats a pod the way kubelet messages name it: "web-1_default(5c0f…)". */
export function podDescription(pod: Pod): string {
  const m = pod.metadata ?? {};
  return `${m.name ?? ''}_${m.namespace ?? ''}(${m.uid ?? ''})`;
}

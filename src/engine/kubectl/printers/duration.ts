import { parseTime } from '../../clock/time';

// kubectl's ages, as k8s.io/apimachinery/pkg/util/duration.HumanDuration prints them: about two to
// three significant figures, switching unit at 2m, 10m, 3h, 8h, 48h, 8d, 2y and 8y.

/** Printed for a timestamp that is absent (metav1.Time.IsZero), as translateTimestampSince does. */
const UNKNOWN = '<unknown>';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Formats a duration in ms the way HumanDuration does: "119s", "3m20s", "95m", "2d1h", "2y1d". */
export function humanDuration(ms: number): string {
  // Go's int(d.Seconds()) truncates toward zero; up to 2s in the future still reads "0s" because
  // clocks of client and server may disagree.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 10) {
    const s = Math.floor(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(ms / YEAR);
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Returns the age of an RFC3339 timestamp at virtual time now, or "<unknown>" when it is unset. */
export function since(timestamp: string | null | undefined, now: number): string {
  const t = parseTime(timestamp ?? undefined);
  return Number.isNaN(t) ? UNKNOWN : humanDuration(now - t);
}

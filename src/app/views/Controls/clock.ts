/** Formats virtual ms as the clock shows it: "0:03.250", "12:05.000", "1:02:03.000". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const millis = String(total % 1000).padStart(3, '0');
  const seconds = Math.floor(total / 1000);
  const s = String(seconds % 60).padStart(2, '0');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}:${s}.${millis}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${s}.${millis}`;
}

// Apply errors arrive as 1-based line:column points; Monaco draws a marker over a range.
//   [MRK1] a marker underlines the token that starts at its column, or the rest of the line.
//   [MRK2] a point outside the text is clamped onto it, so an error is never invisible.
//   [MRK3] markers belong to the text they were reported for: any edit or tab switch clears them.

/** A 1-based error position and message, as a failed Apply reports it. */
export interface PointMarker {
  line: number;
  column: number;
  message: string;
}

/** Plain Monaco marker data (8 is MarkerSeverity.Error), so this module needs no Monaco. */
export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: 8;
}

/** Converts Apply's line:column points into Monaco marker ranges over `text`. */
export function toMarkerRanges(markers: readonly PointMarker[], text: string): MarkerRange[] {
  const lines = text.split(/\r?\n/);
  return markers.map((m) => {
    const line = clamp(Math.trunc(m.line) || 1, 1, lines.length);
    const content = lines[line - 1] ?? '';
    const column = clamp(Math.trunc(m.column) || 1, 1, content.length + 1);
    const token = /^\S+/.exec(content.slice(column - 1))?.[0];
    const endColumn = token ? column + token.length : Math.max(content.length + 1, column + 1);
    return {
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn,
      message: m.message,
      severity: 8,
    };
  });
}

/** Describes a marker for the text list under the editor: `3:7 message`. */
export function describeMarker(m: PointMarker): string {
  return `${m.line}:${m.column} ${m.message}`;
}

/** The file and text a set of markers was reported for. */
export interface MarkerOrigin {
  active: number;
  text: string | undefined;
}

const NONE: readonly never[] = [];

/** Returns the markers while the active file is still the one and the text it was reported for. */
export function currentMarkers<T>(
  markers: readonly T[],
  origin: MarkerOrigin,
  now: MarkerOrigin,
): readonly T[] {
  return origin.active === now.active && origin.text === now.text ? markers : NONE;
}

/** Returns the string offset of a 1-based line:column in `text`, clamped onto the text. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const l = clamp(Math.trunc(line) || 1, 1, lines.length);
  let offset = 0;
  for (let i = 0; i < l - 1; i++) offset += (lines[i] ?? '').length + 1;
  const content = (lines[l - 1] ?? '').replace(/\r$/, '');
  return offset + clamp(Math.trunc(column) || 1, 1, content.length + 1) - 1;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

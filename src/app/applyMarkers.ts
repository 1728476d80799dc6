import type { EditorMarker } from './views/Editor/Editor';

// kubectl reports problems in applied YAML with a line and column where it has them, e.g.
// `error: error parsing STDIN: error converting YAML to JSON: yaml: line 3, column 9: …`.

const LINE_COLUMN = /line (\d+)(?:, column (\d+))?:?\s*(.*)/;

/** Returns editor markers for the errors in kubectl apply's output. */
export function applyMarkers(output: string): EditorMarker[] {
  const out: EditorMarker[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('error') && !line.startsWith('Error')) continue;
    const m = LINE_COLUMN.exec(line);
    if (m) out.push({ line: Number(m[1]), column: Number(m[2] ?? 1), message: m[3] || line });
  }
  return out;
}

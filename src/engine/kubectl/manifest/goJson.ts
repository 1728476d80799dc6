// JSON as Go's encoding/json writes it: compact, map keys sorted, and <, >, & and the JS line
// separators escaped. kubectl's last-applied annotation and patch bodies are encoded this way,
// so students see byte-identical annotations.

const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Encodes a value as json.Marshal does for map[string]interface{} data. */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}

// Returns a copy with every object's keys in sorted order (Go sorts map keys when encoding).
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeys(v);
  }
  return out;
}

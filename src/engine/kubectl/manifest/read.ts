import type { JsonStream } from './jsonStream';
import { readJsonStream } from './jsonStream';
import { readYamlStream } from './yaml';

// Splits a manifest file into documents, sniffing JSON by a leading "{" as kubectl's
// YAMLOrJSONDecoder does, and refusing input larger than one apiserver request could carry.

/** The largest manifest read, in bytes: the apiserver's request body limit (3 MiB). */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;

/** Explains a manifest over the size limit. */
export const TOO_LARGE = (bytes: number): string =>
  `the input is ${bytes} bytes, larger than the ${MAX_MANIFEST_BYTES}-byte limit the apiserver puts on a request body`;

/** Reads the documents of one manifest; error is the text after "error parsing <source>: ". */
export function readManifest(text: string): JsonStream {
  const bytes = utf8Length(text);
  if (bytes > MAX_MANIFEST_BYTES) return { docs: [], error: TOO_LARGE(bytes) };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return /^\s*\{/.test(body.slice(0, 4096)) ? readJsonStream(body) : readYamlStream(body);
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

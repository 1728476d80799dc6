import type { PodTemplateSpec } from '../../../api/types';
import { NAME_SUFFIX_ALPHABET } from '../../../apiserver/meta';
import { spewSprint } from './spew';

// pod-template-hash, as controller.ComputeHash computes it (pkg/controller/controller_utils.go):
//   1. hashutil.DeepHashObject writes the template into an FNV-32a hasher with spew's "%#v";
//   2. a non-nil collisionCount is appended as 8 bytes, its uint32 little-endian then zeros;
//   3. the 32-bit sum is printed in decimal and each digit mapped through
//      rand.SafeEncodeString, giving names like web-7d4b9c6f5 (alphabet 4-9, b, c, d, f).

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Feeds one byte into an FNV-32a state.
function fnvByte(h: number, byte: number): number {
  return Math.imul(h ^ byte, FNV_PRIME) >>> 0;
}

/** Returns the FNV-32a sum of a string's UTF-8 bytes followed by extra bytes. */
export function fnv32a(text: string, extra: readonly number[] = []): number {
  let h = FNV_OFFSET;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) h = fnvByte(h, cp);
    else if (cp < 0x800) {
      h = fnvByte(h, 0xc0 | (cp >> 6));
      h = fnvByte(h, 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      h = fnvByte(h, 0xe0 | (cp >> 12));
      h = fnvByte(h, 0x80 | ((cp >> 6) & 0x3f));
      h = fnvByte(h, 0x80 | (cp & 0x3f));
    } else {
      h = fnvByte(h, 0xf0 | (cp >> 18));
      h = fnvByte(h, 0x80 | ((cp >> 12) & 0x3f));
      h = fnvByte(h, 0x80 | ((cp >> 6) & 0x3f));
      h = fnvByte(h, 0x80 | (cp & 0x3f));
    }
  }
  for (const b of extra) h = fnvByte(h, b);
  return h;
}

/** Maps each character to the name alphabet by code point (rand.SafeEncodeString). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s)
    out += NAME_SUFFIX_ALPHABET[(ch.codePointAt(0) as number) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

/** Returns the text DeepHashObject feeds the hasher for a pod template. */
export function deepHashText(template: PodTemplateSpec): string {
  return spewSprint('v1.PodTemplateSpec', template);
}

/** Computes pod-template-hash for a template and the Deployment's status.collisionCount. */
export function computeHash(template: PodTemplateSpec, collisionCount?: number | null): string {
  const extra: number[] = [];
  if (collisionCount != null) {
    const n = collisionCount >>> 0;
    extra.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff, 0, 0, 0, 0);
  }
  return safeEncodeString(String(fnv32a(deepHashText(template), extra)));
}

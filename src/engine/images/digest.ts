// Content digests for simulated images. A real digest hashes the image manifest, so it is the same
// on every node and in every run; here it is derived from the image's name the same way.

/** Returns 64 hex characters derived deterministically from a string (a fake sha256). */
export function fakeSha256(input: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    // FNV-1a over the input, salted with the round number so each 8-hex block differs.
    let h = 0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1);
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

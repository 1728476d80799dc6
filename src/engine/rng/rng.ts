import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** Seeded pseudo-random source: the engine's only randomness, so a seed replays exactly. */
export class Rng {
  private readonly gen: Generator;

  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed | 0);
  }

  /** Returns an integer in [0, n). */
  int(n: number): number {
    if (n <= 1) return 0;
    return uniformInt(this.gen, 0, n - 1);
  }

  /** Returns a float in [0, 1). */
  float(): number {
    return (this.gen.next() >>> 0) / 0x100000000;
  }

  /** Returns a string of n characters drawn uniformly from alphabet. */
  string(alphabet: string, n: number): string {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = alphabet[this.int(alphabet.length)] as string;
    return flat(out);
  }

  /** Returns a random (version 4) UUID, like the apiserver's metadata.uid. */
  uuid(): string {
    const hex = '0123456789abcdef';
    const out: string[] = [];
    for (let i = 0; i < 32; i++) {
      let d = this.int(16);
      if (i === 12) d = 4;
      if (i === 16) d = 8 + (d & 3);
      if (i === 8 || i === 12 || i === 16 || i === 20) out.push('-');
      out.push(hex[d] as string);
    }
    return flat(out);
  }
}

// Ids live as long as their objects (uids, container ids, name suffixes). Built with `+=` they
// would be V8 ropes, one 32-byte cell per character; join makes one flat string.
function flat(chars: string[]): string {
  return chars.join('');
}

// Addresses of a simulated node, derived from its position in the cluster so every run gives the
// same ones: node-1 is 10.0.0.11 with pod CIDR 10.244.1.0/24, node-2 10.0.0.12 and 10.244.2.0/24.
// Pod IPs come from the node's /24 the way the host-local IPAM plugin hands them out: .2 upwards,
// round-robin, never reusing an address until the range wraps.

const u32 = (a: number, b: number, c: number, d: number): number =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const dotted = (n: number): string =>
  [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/** Returns a node's InternalIP: 10.0.0.11 for the first node. */
export function nodeIP(index: number): string {
  return dotted(u32(10, 0, 0, 11) + index);
}

/** Returns a node's pod CIDR: 10.244.<index + 1>.0/24, continuing into 10.245.x.0 past 255. */
export function podCIDR(index: number): string {
  return `${dotted(u32(10, 244, 0, 0) + (index + 1) * 256)}/24`;
}

/** Returns a node's index in the cluster, from the config order or the name's number. */
export function nodeIndex(names: readonly string[], name: string): number {
  const i = names.indexOf(name);
  if (i >= 0) return i;
  const m = /(\d+)$/.exec(name);
  if (m) return Number(m[1]) - 1;
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 1000 + (h % 30000);
}

/** Hands out pod IPs from one /24. */
export class PodIpam {
  private readonly base: number;
  private readonly used = new Set<number>();
  private last = 1;

  constructor(cidr: string) {
    const [a = 0, b = 0, c = 0] = (cidr.split('/')[0] ?? '').split('.').map(Number);
    this.base = u32(a, b, c, 0);
  }

  /** Returns the next free address (.2–.254). */
  allocate(): string {
    for (let i = 0; i < 253; i++) {
      this.last = this.last >= 254 ? 2 : this.last + 1;
      if (!this.used.has(this.last)) {
        this.used.add(this.last);
        return dotted(this.base + this.last);
      }
    }
    throw new Error('pod CIDR exhausted');
  }

  /** Marks an address as taken (a sandbox found running after a kubelet restart). */
  claim(ip: string): void {
    this.used.add(Number(ip.split('.').pop()));
  }

  /** Returns an address to the pool. */
  release(ip: string): void {
    this.used.delete(Number(ip.split('.').pop()));
  }
}

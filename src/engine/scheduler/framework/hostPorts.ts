import type { Container, Pod } from '../../api/types';

// framework.HostPortInfo (pkg/scheduler/framework/types.go): the host ports a node's pods hold,
// by host IP. An empty IP means 0.0.0.0, an empty protocol TCP; 0.0.0.0 conflicts with every IP.

/** One entry of container.ports. */
export type ContainerPort = NonNullable<Container['ports']>[number];

/** DefaultBindAllHostIP: the host IP that binds every address. */
export const DEFAULT_BIND_ALL_HOST_IP = '0.0.0.0';

/** Returns the ports of a pod's containers that ask for a host port (hostPort > 0). */
export function hostPorts(pod: Pod): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(p);
  return out;
}

const ip = (p: ContainerPort): string => p.hostIP || DEFAULT_BIND_ALL_HOST_IP;
const protocolPort = (p: ContainerPort): string => `${p.protocol || 'TCP'}/${p.hostPort ?? 0}`;

/** The (ip, protocol, port) triples in use on a node. */
export class HostPortInfo {
  private readonly byIP = new Map<string, Set<string>>();

  /** Records a port as used. */
  add(p: ContainerPort): void {
    let set = this.byIP.get(ip(p));
    if (!set) this.byIP.set(ip(p), (set = new Set()));
    set.add(protocolPort(p));
  }

  /** Forgets a port; like upstream's set, a second pod on the same port frees it too. */
  remove(p: ContainerPort): void {
    const set = this.byIP.get(ip(p));
    if (!set) return;
    set.delete(protocolPort(p));
    if (set.size === 0) this.byIP.delete(ip(p));
  }

  /** Reports whether a wanted port collides with one in use. */
  checkConflict(p: ContainerPort): boolean {
    const want = protocolPort(p);
    if (ip(p) === DEFAULT_BIND_ALL_HOST_IP) {
      for (const set of this.byIP.values()) if (set.has(want)) return true;
      return false;
    }
    return [DEFAULT_BIND_ALL_HOST_IP, ip(p)].some((key) => this.byIP.get(key)?.has(want));
  }
}

import type { Node } from '../../api/types';

// internal/cache/node_tree.go: nodes grouped by zone; the scheduling order takes one node from
// each zone in turn, so a cycle that stops early (percentageOfNodesToScore) still sees every zone.

/** Returns a node's zone key ("region:\0:zone"), or "" without topology labels (GetZoneKey). */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const zone =
    labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region =
    labels['topology.kubernetes.io/region'] ??
    labels['failure-domain.beta.kubernetes.io/region'] ??
    '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/** Node names per zone, listed round-robin across zones. */
export class NodeTree {
  private readonly zones: string[] = [];
  private readonly tree = new Map<string, string[]>();
  private readonly zoneOf = new Map<string, string>();
  private listed: string[] | undefined;

  /** Adds a node (no-op if present). */
  add(node: Node): void {
    const name = node.metadata?.name ?? '';
    if (this.zoneOf.has(name)) return;
    const zone = zoneKey(node);
    let names = this.tree.get(zone);
    if (!names) {
      names = [];
      this.tree.set(zone, names);
      this.zones.push(zone);
    }
    names.push(name);
    this.zoneOf.set(name, zone);
    this.listed = undefined;
  }

  /** Removes a node by name. */
  remove(name: string): void {
    const zone = this.zoneOf.get(name);
    if (zone === undefined) return;
    const names = this.tree.get(zone) ?? [];
    names.splice(names.indexOf(name), 1);
    if (names.length === 0) {
      this.tree.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
    this.zoneOf.delete(name);
    this.listed = undefined;
  }

  /** Moves a node whose zone labels changed. */
  update(node: Node): void {
    const name = node.metadata?.name ?? '';
    if (this.zoneOf.get(name) === zoneKey(node)) return;
    this.remove(name);
    this.add(node);
  }

  /** Returns the names zone by zone, one from each in turn (cached until the tree changes). */
  list(): readonly string[] {
    if (this.listed) return this.listed;
    const out: string[] = [];
    for (let i = 0; out.length < this.zoneOf.size; i++) {
      for (const zone of this.zones) {
        const name = this.tree.get(zone)?.[i];
        if (name !== undefined) out.push(name);
      }
    }
    this.listed = out;
    return out;
  }

  /** Returns the number of nodes. */
  size(): number {
    return this.zoneOf.size;
  }
}

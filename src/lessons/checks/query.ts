import type { KubeObject } from '../../engine/api/object';
import { resourceForKind } from '../../engine/api/resources';
import { matches, parseSelector } from '../../engine/api/labels';
import type { Pod } from '../../engine/api/types';
import type { ObjectQuery } from './check';
import { statusText } from './status';

// Matching objects against a query, in two stages: which objects the query is about (kind,
// namespace, selector, name), then which of those it counts (status, node). The first set is what
// an explanation draws on when the count falls short.

/** Reports whether a name matches a pattern: exact, or a prefix ending in "*". */
export function nameMatches(pattern: string | undefined, name: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (pattern.endsWith('*')) return (name ?? '').startsWith(pattern.slice(0, -1));
  return pattern === name;
}

/** Returns the objects a query is about, before status and node narrow them. */
export function candidates(q: ObjectQuery, objects: readonly KubeObject[]): KubeObject[] {
  const namespaced = resourceForKind(q.kind)?.namespaced ?? true;
  const ns = q.namespace ?? 'default';
  const selector = q.selector ? parseSelector(q.selector) : [];
  return objects.filter(
    (o) =>
      (!namespaced || ns === '*' || o.metadata?.namespace === ns) &&
      nameMatches(q.name, o.metadata?.name) &&
      matches(selector, o.metadata?.labels),
  );
}

/** Reports whether a candidate has the query's status and node. */
export function counted(q: ObjectQuery, obj: KubeObject, now: number): boolean {
  if (q.status !== undefined) {
    const wanted = Array.isArray(q.status) ? q.status : [q.status];
    if (!wanted.includes(statusText(q.kind, obj, now) ?? '')) return false;
  }
  if (q.node !== undefined && (obj as Pod).spec?.nodeName !== q.node) return false;
  return true;
}

/** Describes a query in words: "Running pods with app=web on node-2" ("pod" when n is 1). */
export function describeQuery(q: ObjectQuery, n = 2): string {
  const status = q.status === undefined ? '' : `${[q.status].flat().join(' or ')} `;
  const noun = q.kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const parts = [`${status}${noun}${n === 1 ? '' : 's'}`];
  if (q.name) parts.push(`named ${q.name}`);
  if (q.selector) parts.push(`with ${q.selector}`);
  if (q.node) parts.push(`on ${q.node}`);
  if (q.namespace && q.namespace !== 'default')
    parts.push(q.namespace === '*' ? 'in any namespace' : `in namespace ${q.namespace}`);
  return parts.join(' ');
}

import type { Labels, Requirement } from '../../../api/labels';
import { matches } from '../../../api/labels';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

// labels.Selector as the spreading and affinity plugins use it, over api/labels requirements.

/** A compiled label selector: null selects nothing (labels.Nothing), an empty list everything. */
export type Selector = readonly Requirement[] | null;

/** Reports whether a selector selects a label set. */
export function selectorMatches(selector: Selector, labels: Labels): boolean {
  return selector !== null && matches(selector, labels);
}

/** Returns a label's value, or undefined when the key is absent. */
export function labelValue(labels: Labels, key: string): string | undefined {
  return labels && Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** Visits a node's pods that a selector selects, skipping the others through the node's label index. */
export function* podsSelectedOn(node: NodeInfo, selector: Selector): Iterable<PodInfo> {
  if (selector === null) return;
  for (const pi of node.podsMaybeMatching(selector))
    if (matches(selector, pi.pod.metadata?.labels)) yield pi;
}

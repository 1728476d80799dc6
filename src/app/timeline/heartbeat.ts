import type { Hop } from '../worker/protocol';

/**
 * Reports whether a hop is background chatter: Lease renewals and the kubelet's periodic read of
 * its own Node (and the etcd and watch traffic they cause). They run every 10 s per node, so
 * playback hides them unless the student asks to see heartbeats.
 */
export function isHeartbeat(hop: Hop): boolean {
  if (hop.kind === 'Lease') return true;
  return hop.kind === 'Node' && (hop.verb === 'GET' || hop.verb === 'Range');
}

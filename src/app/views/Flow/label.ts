import type { Hop } from '../../worker/protocol';

/** Returns a packet's short label: "POST deployments", "watch ADDED Deployment web", "Txn pods". */
export function packetLabel(hop: Hop): string {
  switch (hop.type) {
    case 'watch':
      return `watch ${hop.verb} ${hop.kind ?? ''} ${hop.name ?? ''}`.trim();
    case 'response':
      return `${hop.code ?? ''} ${hop.verb} ${hop.kind ?? ''}`.trim();
    case 'cri':
      return hop.verb;
    case 'request':
      return hop.to === 'etcd'
        ? `${hop.verb} ${hop.kind ?? ''}`.trim()
        : `${hop.verb} ${hop.resource ?? ''}`.trim();
  }
}

import type { Hop } from '../worker/protocol';
import { componentPhrase, objectPhrase, sentence, statusPhrase } from './names';

// One plain-English sentence per hop, for the caption strip and the aria-live region.

const REQUEST_VERBS: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
  GET: 'read',
  LIST: 'list',
  WATCH: 'watch',
};

/**
 * Returns the sentence for one hop. Given the hop that caused it, a component's request says
 * what it reacted to ("The deployment controller sees Deployment web ADDED through its watch and
 * asks the API server to create ReplicaSet web-7d4b9c6f5.").
 */
export function narrate(hop: Hop, cause?: Hop): string {
  const from = componentPhrase(hop.from);
  const to = componentPhrase(hop.to);
  const what = objectPhrase(hop.kind, hop.name);
  switch (hop.type) {
    case 'request': {
      if (hop.to === 'etcd') return sentence(etcdRequest(hop, what));
      const action = apiRequest(hop, from, what);
      if (cause?.type !== 'watch' || cause.to !== hop.from) return sentence(action);
      const seen = objectPhrase(cause.kind, cause.name);
      return sentence(
        `${from} sees ${seen} ${cause.verb} through its watch and ${action.slice(from.length + 1)}`,
      );
    }
    case 'response':
      return sentence(response(hop, from, to, what));
    case 'watch':
      return sentence(`${to} sees ${what} ${hop.verb} through its watch.`);
    case 'cri':
      return sentence(`${from} asks ${to} to ${hop.verb} for ${what}.`);
  }
}

function apiRequest(hop: Hop, from: string, what: string): string {
  const sub = hop.resource?.split('/')[1];
  if (sub === 'binding') return `${from} binds ${what} to a node.`;
  if (sub === 'status') return `${from} reports the status of ${what}.`;
  if (sub === 'eviction') return `${from} asks the API server to evict ${what}.`;
  if (sub === 'scale') return `${from} asks the API server to scale ${what}.`;
  if (hop.kind === 'Event' && hop.verb === 'POST') return `${from} records ${what}.`;
  if (hop.kind === 'Lease') return `${from} renews its Lease: a heartbeat.`;
  const verb = REQUEST_VERBS[hop.verb] ?? hop.verb;
  const target = hop.name ? what : (hop.resource ?? what);
  return `${from} asks the API server to ${verb} ${target}.`;
}

function etcdRequest(hop: Hop, what: string): string {
  if (hop.verb === 'Range') return `the API server reads ${what} from etcd.`;
  return `the API server writes ${what} to etcd.`;
}

function response(hop: Hop, from: string, to: string, what: string): string {
  const code = hop.code ?? 200;
  if (hop.from === 'etcd') {
    if (code >= 300) return `etcd refuses the write to ${what}: it changed since it was read.`;
    return hop.verb === 'Range'
      ? `etcd returns ${what}.`
      : `etcd commits ${what}${hop.rv ? ` at revision ${hop.rv}` : ''}.`;
  }
  const outcome = statusPhrase(code);
  if (code === 409)
    return `${from} answers ${to}: ${outcome}, ${what} changed since it was read, so it will retry.`;
  return `${from} answers ${to}: ${outcome} for ${what}.`;
}

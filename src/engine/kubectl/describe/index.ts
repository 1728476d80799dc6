import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { Deployment, Event, Lease, Namespace, Node, Pod, ReplicaSet } from '../../api/types';
import type { ApiRequest } from '../../apiserver/types';
import { selectorString } from '../printers/format';
import { eventsRequest, refFor } from './events';
import { describeGeneric } from './generic';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeDeployment, describeReplicaSet } from './workloads';

export {
  CHANGE_CAUSE_ANNOTATION,
  podTemplateText,
  viewDeploymentHistory,
} from './workloadsHistory';
export {
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  controlledBy,
  equalIgnoreHash,
  replicaSetsByRevision,
  revisionOf,
  splitReplicaSets,
} from './workloadsReplicaSets';

// kubectl describe: the lists each describer reads besides the object, and the text it prints.
// The command runs describeQueries' requests and passes the items back under the same names;
// a missing "events" entry leaves the Events section out (--show-events=false).

/** Namespace of the node heartbeat Leases (corev1.NamespaceNodeLease). */
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** The related objects describe needs for an object, as named list requests to run. */
export function describeQueries(
  resource: ResourceInfo,
  obj: KubeObject,
): Record<string, ApiRequest> {
  const meta = obj.metadata ?? {};
  const ns = meta.namespace;
  switch (resource.kind) {
    case 'Pod':
      // PodDescriber clears the reference's kind before searching.
      return { events: eventsRequest({ ...refFor(obj), kind: undefined }) };
    case 'Node':
      return nodeQueries(obj);
    case 'ReplicaSet':
      return {
        pods: {
          verb: 'list',
          resource: 'pods',
          namespace: ns,
          labelSelector: selectorString((obj as ReplicaSet).spec?.selector),
        },
        events: eventsRequest({ ...refFor(obj), kind: 'ReplicaSet' }),
      };
    case 'Deployment':
      return {
        replicaSets: {
          verb: 'list',
          resource: 'replicasets',
          namespace: ns,
          labelSelector: selectorString((obj as Deployment).spec?.selector),
        },
        events: eventsRequest({ ...refFor(obj), kind: 'Deployment' }),
      };
    case 'Namespace':
      return {};
    default:
      return { events: eventsRequest({ ...refFor(obj), kind: obj.kind ?? resource.kind }) };
  }
}

// NodeDescriber: pods bound to the node and not finished (in every namespace), the node's Lease,
// and events twice: controllers record node events with the node's uid, the kubelet with its name.
function nodeQueries(obj: KubeObject): Record<string, ApiRequest> {
  const name = obj.metadata?.name ?? '';
  return {
    pods: {
      verb: 'list',
      resource: 'pods',
      fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
    },
    lease: {
      verb: 'list',
      resource: 'leases',
      namespace: NODE_LEASE_NAMESPACE,
      fieldSelector: `metadata.name=${name}`,
    },
    events: eventsRequest({ ...refFor(obj), kind: 'Node' }),
    eventsByName: eventsRequest({ ...refFor(obj), kind: 'Node', uid: name }),
  };
}

/** Renders `kubectl describe` text for one object, given the results of describeQueries. */
export function describe(
  resource: ResourceInfo,
  obj: KubeObject,
  related: Record<string, KubeObject[]>,
  now: number,
): string {
  const events = related.events as Event[] | undefined;
  switch (resource.kind) {
    case 'Pod':
      return describePod(obj as Pod, events, now);
    case 'Node':
      return describeNode(
        obj as Node,
        {
          pods: (related.pods ?? []) as Pod[],
          lease: related.lease?.[0] as Lease | undefined,
          events:
            events || related.eventsByName
              ? [...(events ?? []), ...((related.eventsByName ?? []) as Event[])]
              : undefined,
        },
        now,
      );
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, (related.pods ?? []) as Pod[], events, now);
    case 'Deployment':
      return describeDeployment(
        obj as Deployment,
        (related.replicaSets ?? []) as ReplicaSet[],
        events,
        now,
      );
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    default:
      return describeGeneric(obj, events, now);
  }
}

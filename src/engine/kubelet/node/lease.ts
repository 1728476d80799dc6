import type { Lease } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import { rfc3339Micro } from '../../clock/time';

// The node lease controller (pkg/kubelet/nodelease, component-helpers/apimachinery/lease): the
// kubelet's heartbeat is its Lease kube-node-lease/<node>, renewed every 10 s.
//   [LEASE1] leaseDurationSeconds 40; renewInterval is a quarter of it: 10 s.
//   [LEASE2] the lease is read once (GET), created if missing (POST, owned by the Node), then
//            renewed with PUT carrying the last resourceVersion; a conflict makes it re-read.
//   [LEASE3] renewTime is a MicroTime: RFC 3339 with microseconds.

/** The namespace node leases live in. */
export const LEASE_NAMESPACE = 'kube-node-lease';
/** How long a lease is valid, in seconds. [LEASE1] */
export const LEASE_DURATION_SECONDS = 40;
/** How often the kubelet renews it, in ms. [LEASE1] */
export const LEASE_RENEW_MS = (LEASE_DURATION_SECONDS * 1000) / 4;

/** Keeps one node's lease fresh. */
export class NodeLease {
  private lease: Lease | undefined;
  private timer: Timer | undefined;

  constructor(
    private readonly node: string,
    private readonly client: Client,
    private readonly loop: EventLoop,
  ) {}

  /** Starts heartbeating; alive turns false when this run of the kubelet ends. */
  start(nodeUid: string | undefined, alive: () => boolean): void {
    this.lease = undefined;
    this.sync(nodeUid, alive);
  }

  /** Stops renewing. */
  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Returns the last lease the apiserver confirmed. */
  current(): Lease | undefined {
    return this.lease;
  }

  private next(at: number, nodeUid: string | undefined, alive: () => boolean): void {
    const delay = Math.max(0, at - this.loop.now());
    this.timer = this.loop.schedule(delay, () => alive() && this.sync(nodeUid, alive), {
      background: true,
    });
  }

  private sync(nodeUid: string | undefined, alive: () => boolean): void {
    // Rounds start every 10 s from the previous round's start, not from its answer.
    const nextAt = this.loop.now() + LEASE_RENEW_MS;
    const done = (lease: Lease | undefined): void => {
      if (!alive()) return;
      if (lease) this.lease = lease;
      this.next(nextAt, nodeUid, alive);
    };
    if (this.lease) return this.renew(this.lease, nodeUid, alive, done);
    const ns = LEASE_NAMESPACE;
    this.client.request(
      { verb: 'get', resource: 'leases', namespace: ns, name: this.node },
      (res) => {
        if (!alive()) return;
        if (res.code === 404) {
          const body = this.fresh(nodeUid);
          this.client.request({ verb: 'create', resource: 'leases', namespace: ns, body }, (r) =>
            done(r.error ? undefined : (r.body as Lease)),
          );
        } else if (res.body) this.renew(res.body as Lease, nodeUid, alive, done);
        else done(undefined);
      },
    );
  }

  private renew(
    lease: Lease,
    nodeUid: string | undefined,
    alive: () => boolean,
    done: (l: Lease | undefined) => void,
  ): void {
    const body: Lease = {
      ...lease,
      spec: {
        ...lease.spec,
        holderIdentity: this.node,
        leaseDurationSeconds: LEASE_DURATION_SECONDS,
        renewTime: rfc3339Micro(this.loop.now()),
      },
    };
    if (nodeUid && !lease.metadata?.ownerReferences?.length)
      body.metadata = { ...lease.metadata, ownerReferences: [owner(this.node, nodeUid)] };
    const req = {
      verb: 'update' as const,
      resource: 'leases',
      namespace: LEASE_NAMESPACE,
      name: this.node,
      body,
    };
    this.client.request(req, (res) => {
      if (!alive()) return;
      // A conflict means someone else wrote it: read it again on the next round. [LEASE2]
      if (res.code === 409) this.lease = undefined;
      done(res.error ? undefined : (res.body as Lease));
    });
  }

  private fresh(nodeUid: string | undefined): Lease {
    const metadata: NonNullable<Lease['metadata']> = {
      name: this.node,
      namespace: LEASE_NAMESPACE,
    };
    if (nodeUid) metadata.ownerReferences = [owner(this.node, nodeUid)];
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata,
      spec: {
        holderIdentity: this.node,
        leaseDurationSeconds: LEASE_DURATION_SECONDS,
        renewTime: rfc3339Micro(this.loop.now()),
      },
    };
  }
}

function owner(
  node: string,
  uid: string,
): NonNullable<NonNullable<Lease['metadata']>['ownerReferences']>[number] {
  return { apiVersion: 'v1', kind: 'Node', name: node, uid };
}

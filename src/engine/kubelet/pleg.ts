import type { EventLoop } from '../clock/eventLoop';
import type { SyncLoop } from './syncLoop';

// The pod lifecycle event generator (pkg/kubelet/pleg/generic.go): it relists containerd every
// second and syncs each pod whose containers started or exited since the last relist.
//   [PLEG1] a change at time t is noticed at the first relist after t; several changes of one pod
//           before that relist make one sync.

/** Notices container starts and exits at the next relist. */
export class Pleg {
  /** Pods with a relist notice scheduled, and when. */
  private readonly due = new Map<string, number>();

  constructor(
    private readonly loop: EventLoop,
    private readonly syncLoop: SyncLoop,
    /** Syncs a pod whose containers changed. */
    private readonly onChange: (uid: string) => void,
    /** Returns a check that stays true while the current run of the kubelet lasts. */
    private readonly token: () => () => boolean,
  ) {}

  /** Records that a container of a pod started or exited at time t. [PLEG1] */
  changed(uid: string, t: number): void {
    const at = this.syncLoop.nextRelist(t);
    if (this.due.get(uid) === at) return;
    this.due.set(uid, at);
    const alive = this.token();
    // Noticing is work the kubelet is bound to do, so it keeps the simulation busy until then.
    this.loop.schedule(at - this.loop.now(), () => {
      if (this.due.get(uid) === at) this.due.delete(uid);
      if (alive()) this.onChange(uid);
    });
  }

  /** Forgets scheduled notices (the kubelet stopped). */
  reset(): void {
    this.due.clear();
  }
}

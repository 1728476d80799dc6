import type { Container, Pod } from '../api/types';
import type { EventLoop } from '../clock/eventLoop';
import type { EventRecorder } from '../client/eventRecorder';
import type { ImageReference, PullOutcome } from '../images';
import { InvalidImageNameError, parseImageReference, rpcError } from '../images';
import { Backoff } from './backoff';
import type { Co } from './coroutine';
import { runCo, wait } from './coroutine';
import {
  ContainerReason,
  Reason,
  backOffPulling,
  failedDefaultTag,
  failedToPull,
  imageNeverPull,
  imagePresent,
  pulledImage,
  pullingImage,
} from './events';
import type { Cri } from './runtime/cri';
import type { Containerd, StoredImage } from './runtime/containerd';

// EnsureImageExists (pkg/kubelet/images/image_manager.go) and the serial image puller:
//   [IMG1] Never: present → "already present on machine", absent → ErrImageNeverPull.
//          IfNotPresent: present → "already present". Always: pulls every time (fast when the
//          image is already there: only the manifest is resolved).
//   [IMG2] pulls are serialized per node (serializeImagePulls: true): a second pull waits, and
//          its Pulled event says so: "in 1.2s (3.4s including waiting)".
//   [IMG3] a failed pull backs off per pod and image (10 s doubling to 300 s); a sync inside the
//          back-off answers ImagePullBackOff without pulling.

/** What ensuring an image found. */
export type EnsureResult =
  { ok: true; image: StoredImage; name: string } | { ok: false; reason: string; message: string };

/** The kubelet's image manager. */
export class ImageManager {
  private readonly backoff: Backoff;
  private readonly waiting: (() => void)[] = [];
  private busy = false;

  constructor(
    private readonly loop: EventLoop,
    private readonly runtime: Containerd,
    private readonly cri: Cri,
    private readonly recorder: EventRecorder,
    /** Returns a check that stays true while the current run of the kubelet lasts. */
    private readonly token: () => () => boolean,
  ) {
    this.backoff = new Backoff(() => loop.now());
  }

  /** Returns the default pull policy of a reference (the apiserver's defaulting rule). */
  static defaultPolicy(raw: string): string {
    const ref = parseImageReference(raw);
    const explicitTag =
      ref.digest !== undefined || /:[\w][\w.-]*$/.test(raw.split('/').pop() ?? '');
    return explicitTag && ref.tag !== 'latest' ? 'IfNotPresent' : 'Always';
  }

  /** Makes sure a container's image is on the node, pulling it if the policy says so. */
  *ensure(pod: Pod, c: Container, fieldPath: string): Co<EnsureResult> {
    const image = c.image ?? '';
    const event = (type: 'Normal' | 'Warning', reason: string, message: string): void =>
      this.recorder.event(pod, type, reason, message, fieldPath);
    let ref: ImageReference;
    try {
      ref = parseImageReference(image);
    } catch (e) {
      if (!(e instanceof InvalidImageNameError)) throw e;
      const message = failedDefaultTag(image, e.message);
      event('Warning', Reason.InspectFailed, message);
      return { ok: false, reason: ContainerReason.InvalidImageName, message };
    }
    const policy = c.imagePullPolicy ?? ImageManager.defaultPolicy(image);
    const local = this.fromNode(policy, ref, image, event);
    if (local) return local;
    const k = key(pod, c);
    if (this.backoff.isInBackOffSinceUpdate(k, this.loop.now())) {
      event('Normal', Reason.BackOff, backOffPulling(image));
      return {
        ok: false,
        reason: ContainerReason.ImagePullBackOff,
        message: backOffPulling(image),
      };
    }
    event('Normal', Reason.Pulling, pullingImage(image));
    const start = this.loop.now();
    const pulled = yield* this.pullInTurn(pod, ref);
    if (!pulled.outcome.ok) {
      const err = rpcError(pulled.outcome.error);
      event('Warning', Reason.Failed, failedToPull(image, err));
      this.backoff.next(k, this.loop.now());
      return { ok: false, reason: ContainerReason.ErrImagePull, message: err };
    }
    const size = pulled.outcome.image.sizeBytes;
    event(
      'Normal',
      Reason.Pulled,
      pulledImage(image, pulled.pullMs, this.loop.now() - start, size),
    );
    const stored = this.runtime.image(ref.normalized);
    if (!stored) throw new Error(`image ${ref.normalized} missing after a successful pull`);
    return { ok: true, image: stored, name: ref.normalized };
  }

  /** Answers from the node's images when the policy says not to pull. [IMG1] */
  private fromNode(
    policy: string,
    ref: ImageReference,
    image: string,
    event: (type: 'Normal' | 'Warning', reason: string, message: string) => void,
  ): EnsureResult | undefined {
    const present = this.runtime.image(ref.normalized);
    if (policy !== 'Never' && !(policy === 'IfNotPresent' && present)) return undefined;
    if (present) {
      event('Normal', Reason.Pulled, imagePresent(image));
      return { ok: true, image: present, name: ref.normalized };
    }
    const message = imageNeverPull(image);
    event('Warning', Reason.ErrImageNeverPull, message);
    return { ok: false, reason: ContainerReason.ErrImageNeverPull, message };
  }

  /** Forgets queued pulls and back-offs (the kubelet stopped). */
  reset(): void {
    this.waiting.length = 0;
    this.busy = false;
    this.backoff.reset();
  }

  /** Waits for the puller, pulls, and hands the puller on. [IMG2] */
  private *pullInTurn(pod: Pod, ref: ImageReference): Co<{ outcome: PullOutcome; pullMs: number }> {
    yield* wait<void>((resume) => {
      if (!this.busy) {
        this.busy = true;
        resume();
      } else this.waiting.push(() => resume());
    });
    const label = {
      namespace: pod.metadata?.namespace,
      name: pod.metadata?.name,
      uid: pod.metadata?.uid,
    };
    const begin = this.loop.now();
    // The pull runs as the puller's own work: even if the pod's sync is abandoned meanwhile, the
    // puller moves on to the next request when containerd answers.
    const outcome = yield* wait<PullOutcome>((resume) =>
      runCo(this.cri.pullImage(label, ref), this.token(), (o) => {
        this.handOn();
        resume(o);
      }),
    );
    return { outcome, pullMs: this.loop.now() - begin };
  }

  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

function key(pod: Pod, c: Container): string {
  return `${pod.metadata?.uid ?? ''}_${c.image ?? ''}`;
}

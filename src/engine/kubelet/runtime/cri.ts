import type { EventLoop } from '../../clock/eventLoop';
import type { ExecResult, ImageReference, PullOutcome } from '../../images';
import { pullImage } from '../../images';
import type { Network } from '../../trace/network';
import type { Co } from '../coroutine';
import { wait } from '../coroutine';
import type { ContainerConfig, Containerd, RuntimeContainer, Sandbox } from './containerd';

// The kubelet's CRI client: each call is a traced hop kubelet/<node> → containerd/<node> and a
// response hop back (type "cri"), with containerd's work in between. Work in progress (creating a
// sandbox, pulling) is foreground time; waiting for a process to stop is the process's own time.
//   [CRI1] response codes are gRPC's: 0 OK, 2 Unknown, 5 NotFound.

/** The CRI calls the simulated kubelet makes. */
export type CriVerb =
  | 'RunPodSandbox'
  | 'PullImage'
  | 'CreateContainer'
  | 'StartContainer'
  | 'StopContainer'
  | 'ExecSync'
  | 'StopPodSandbox'
  | 'RemovePodSandbox';

/** How long containerd works on each call, in virtual ms. */
export const CRI_WORK_MS: Readonly<
  Record<Exclude<CriVerb, 'PullImage' | 'StopContainer' | 'ExecSync'>, number>
> = {
  RunPodSandbox: 300,
  CreateContainer: 40,
  StartContainer: 60,
  StopPodSandbox: 80,
  RemovePodSandbox: 20,
};

/** gRPC status codes used in cri responses. [CRI1] */
export const GRPC_CODE = { OK: 0, Unknown: 2, NotFound: 5 } as const;

/** The pod a CRI call is about, for the trace label. */
export interface PodLabel {
  namespace?: string;
  name?: string;
  uid?: string;
}

type Reply<T> = (value: T, code?: number, workMs?: number) => void;

/** Talks to one node's containerd. */
export class Cri {
  constructor(
    private readonly kubelet: string,
    private readonly runtime: Containerd,
    private readonly network: Network,
    private readonly loop: EventLoop,
  ) {}

  /** Creates the pod's sandbox with the given IP. */
  runPodSandbox(pod: PodLabel, ip: string): Co<Sandbox> {
    return this.call<Sandbox>('RunPodSandbox', pod, { pod: pod.name }, (reply) => {
      const sandbox: Sandbox = {
        id: this.runtime.newId(),
        podUid: pod.uid ?? '',
        name: pod.name ?? '',
        namespace: pod.namespace ?? '',
        ip,
        ready: true,
        createdAt: this.loop.now() + CRI_WORK_MS.RunPodSandbox,
      };
      this.loop.schedule(CRI_WORK_MS.RunPodSandbox, () =>
        this.runtime.sandboxes.set(sandbox.id, sandbox),
      );
      reply(sandbox, GRPC_CODE.OK, CRI_WORK_MS.RunPodSandbox);
    });
  }

  /** Pulls an image; already-present images only have their manifest resolved. */
  pullImage(pod: PodLabel, ref: ImageReference): Co<PullOutcome> {
    return this.call<PullOutcome>('PullImage', pod, { image: ref.normalized }, (reply) => {
      const outcome = pullImage(ref, this.runtime.image(ref.normalized) !== undefined);
      this.loop.schedule(outcome.durationMs, () => {
        if (outcome.ok) this.runtime.storeImage(outcome.image, outcome.variant, ref.normalized);
      });
      const code = outcome.ok ? GRPC_CODE.OK : GRPC_CODE[outcome.error.grpcCode];
      reply(outcome, code, outcome.durationMs);
    });
  }

  /** Creates a container in a sandbox. */
  createContainer(pod: PodLabel, sandbox: Sandbox, cfg: ContainerConfig): Co<RuntimeContainer> {
    return this.call<RuntimeContainer>(
      'CreateContainer',
      pod,
      { container: cfg.name, attempt: cfg.attempt },
      (reply) => {
        this.loop.schedule(CRI_WORK_MS.CreateContainer, () =>
          reply(this.runtime.create(sandbox, cfg), GRPC_CODE.OK),
        );
      },
    );
  }

  /** Starts a container; returns runc's error message when it cannot start. */
  startContainer(pod: PodLabel, c: RuntimeContainer): Co<string | undefined> {
    return this.call<string | undefined>(
      'StartContainer',
      pod,
      { container: c.name, id: c.id },
      (reply) => {
        this.loop.schedule(CRI_WORK_MS.StartContainer, () => {
          const err = this.runtime.start(c);
          reply(err, err === undefined ? GRPC_CODE.OK : GRPC_CODE.Unknown);
        });
      },
    );
  }

  /** Stops a container with a timeout: answered once the process has exited. */
  stopContainer(pod: PodLabel, c: RuntimeContainer, timeoutS: number): Co<void> {
    return this.call<void>(
      'StopContainer',
      pod,
      { container: c.name, id: c.id, timeout: timeoutS },
      (reply) => this.runtime.stop(c, timeoutS, () => reply(undefined, GRPC_CODE.OK)),
    );
  }

  /** Runs a command in a running container; answered when it ends (it may never end). */
  execSync(pod: PodLabel, c: RuntimeContainer, argv: string[]): Co<ExecResult> {
    return this.call<ExecResult>('ExecSync', pod, { id: c.id, cmd: argv }, (reply) => {
      const r = c.plan.exec(argv, this.loop.now() - (c.startedAt ?? 0));
      if (r.durationMs === Infinity) return;
      reply(r, r.error ? GRPC_CODE.Unknown : GRPC_CODE.OK, r.durationMs);
    });
  }

  /** Stops a sandbox: its network goes away. */
  stopPodSandbox(pod: PodLabel, sandbox: Sandbox): Co<void> {
    return this.call<void>('StopPodSandbox', pod, { id: sandbox.id }, (reply) => {
      this.loop.schedule(CRI_WORK_MS.StopPodSandbox, () => {
        sandbox.ready = false;
        reply(undefined, GRPC_CODE.OK);
      });
    });
  }

  /** Removes a sandbox and its containers. */
  removePodSandbox(pod: PodLabel, sandbox: Sandbox): Co<void> {
    return this.call<void>('RemovePodSandbox', pod, { id: sandbox.id }, (reply) => {
      this.loop.schedule(CRI_WORK_MS.RemovePodSandbox, () => {
        this.runtime.removeSandbox(sandbox.id);
        reply(undefined, GRPC_CODE.OK);
      });
    });
  }

  private *call<T>(
    verb: CriVerb,
    pod: PodLabel,
    body: object,
    handle: (reply: Reply<T>) => void,
  ): Co<T> {
    const { namespace, name } = pod;
    const to = this.runtime.name;
    // Literals, not spreads of a shared label: each CRI call sends two hops, and a spread copies
    // through the slow generic path.
    return yield* wait<T>((resume) => {
      this.network.send(
        { kind: 'Pod', namespace, name, from: this.kubelet, to, type: 'cri', verb, body },
        () =>
          handle((value, code = GRPC_CODE.OK, workMs = 0) => {
            const respond = (): void => {
              const answer = summarize(value);
              this.network.send(
                {
                  kind: 'Pod',
                  namespace,
                  name,
                  from: to,
                  to: this.kubelet,
                  type: 'cri',
                  verb,
                  code,
                  body: answer,
                },
                () => resume(value),
              );
            };
            if (workMs > 0) this.loop.schedule(workMs, respond);
            else respond();
          }),
      );
    });
  }
}

/** What a response hop carries: ids and errors, not the runtime's live records. */
function summarize(value: unknown): unknown {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string') return { error: value };
  const v = value as {
    id?: string;
    ok?: boolean;
    image?: { imageID: string; sizeBytes: number };
    error?: unknown;
    code?: number;
  };
  if (v.id !== undefined) return { id: v.id };
  if (v.code !== undefined) return v.error ? { error: v.error } : { exitCode: v.code };
  if (v.ok === true) return { imageRef: v.image?.imageID, size: v.image?.sizeBytes };
  if (v.ok === false) return { error: v.error };
  return {};
}

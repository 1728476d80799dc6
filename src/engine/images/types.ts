// The shapes the image catalogue answers with: what an image is (size, digest, default command)
// and how a process started from it behaves (lifetime, exit code, signals, what it serves).

/** How a process reacts to its stop signal (SIGTERM unless the image sets STOPSIGNAL). */
export type StopResponse =
  /** It exits on its own after afterMs with this code (nginx: 0, a trap 'exit 143'). */
  | { afterMs: number; code: number }
  /** It ignores the signal (PID 1 without a handler): only SIGKILL ends it, exit 137. */
  | undefined;

/** The answer to an exec probe: the command's exit code and what it printed. */
export interface ExecResult {
  code: number;
  output: string;
  /** How long the command ran (a probe longer than timeoutSeconds times out). */
  durationMs: number;
  /** Set when the command could not be run at all: the probe "errored" rather than failed. */
  error?: string;
}

/** Everything the runtime and the prober need to know about one running process. */
export interface ProcessPlan {
  /** The command line that ran, for traces and describe output. */
  argv: string[];
  /** runc's error when the process cannot start (exit code 128, reason StartError). */
  startError?: string;
  /** When the process ends by itself: ms after start and its exit code; absent runs forever. */
  exit?: { afterMs: number; code: number };
  /** Steady memory use in bytes and how long it takes to reach it (OOM-kill moment). */
  memory: { bytes: number; rampMs: number };
  /** How the process answers its stop signal, given its age in ms. */
  onStop(ageMs: number): StopResponse;
  /** The HTTP status it answers on a port and path at an age, or undefined: connection refused. */
  http(port: number, path: string, ageMs: number): number | undefined;
  /** Whether it accepts TCP connections on a port at an age. */
  tcp(port: number, ageMs: number): boolean;
  /** Runs a command inside the container (exec probes) at an age. */
  exec(argv: string[], ageMs: number): ExecResult;
}

/** One pullable image, as the registry and containerd describe it. */
export interface ImageInfo {
  /** docker.io/library/nginx:1.27, as containerd names it. */
  name: string;
  /** docker.io/library/nginx */
  repository: string;
  tag: string;
  /** sha256:<64 hex>: the same for every tag of one image. */
  digest: string;
  /** docker.io/library/nginx@sha256:…, the kubelet's imageID. */
  imageID: string;
  /** Compressed size in bytes: what "Image size" and node.status.images report. */
  sizeBytes: number;
  /** Every tag that names this same image (nginx:1.27 and nginx:latest). */
  aliases: string[];
}

/** Why a pull fails, as containerd's CRI answers: a gRPC code name and its message. */
export interface PullError {
  /** gRPC status code name: NotFound, Unknown. */
  grpcCode: 'NotFound' | 'Unknown';
  /** The description after "rpc error: code = … desc = ". */
  message: string;
}

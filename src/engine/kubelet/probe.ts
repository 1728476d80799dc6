import type { Container, Probe } from '../api/types';
import type { ProcessPlan } from '../images';

// One probe attempt (pkg/kubelet/prober/prober.go runProbe and pkg/probe/{http,tcp,exec,grpc}):
// what a real probe would get from the container's simulated process, worded as the kubelet
// words it.

/** What a probe attempt found. */
export type ProbeOutcome = { ok: true } | { ok: false; output: string; errored?: boolean };

/** Runs one probe against a process at an age; ip and ports resolve the target. */
export function runProbe(
  probe: Probe,
  plan: ProcessPlan,
  ageMs: number,
  ip: string,
  container: Container,
): ProbeOutcome {
  const port = (p: number | string | undefined): number =>
    typeof p === 'number'
      ? p
      : (container.ports?.find((cp) => cp.name === p)?.containerPort ?? Number(p));
  const refused = (target: number): string =>
    `dial tcp ${ip}:${target}: connect: connection refused`;
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const r = plan.exec(argv, ageMs);
    if (r.error) return { ok: false, output: r.error, errored: true };
    if (r.durationMs > (probe.timeoutSeconds ?? 1) * 1000)
      return { ok: false, output: `command "${argv.join(' ')}" timed out` };
    return r.code === 0 ? { ok: true } : { ok: false, output: r.output };
  }
  if (probe.httpGet) {
    const p = port(probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const status = plan.http(p, path, ageMs);
    if (status === undefined)
      return { ok: false, output: `Get "${scheme}://${ip}:${p}${path}": ${refused(p)}` };
    return status >= 200 && status < 400
      ? { ok: true }
      : { ok: false, output: `HTTP probe failed with statuscode: ${status}` };
  }
  const target = port(probe.tcpSocket?.port ?? probe.grpc?.port);
  if (plan.tcp(target, ageMs)) return { ok: true };
  return probe.grpc
    ? { ok: false, output: `timeout: failed to connect service "${ip}:${target}" within 1s` }
    : { ok: false, output: refused(target) };
}

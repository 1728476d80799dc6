import type { Container, ContainerState, ContainerStatus, Probe } from '../../api/types';
import { NONE } from '../printers/format';
import { printBool, rfc1123z, stringOrNone } from './helpers';
import { Quantity } from './quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer';
import { describeEnv } from './env';

// The Containers / Init Containers sections of describe pod and of pod templates
// (describe.go describeContainers and the describeContainer* helpers).

/** Resolves a fieldRef env var for a live pod; absent for templates, which print "". */
export type EnvResolver = (fieldPath: string) => string;

/** Prints "Label:" then each container with its status (when known), resources, probes, env and
 * mounts. space is "  " inside a pod template, which also indents container names by one. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ` ${NONE}` : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    basicInfo(w, c, status, space);
    command(w, c);
    if (status) containerState(w, status);
    describeResources(w, c.resources, LEVEL_2);
    probes(w, c);
    describeEnv(w, c, resolve);
    mounts(w, c);
  }
}

function basicInfo(
  w: PrefixWriter,
  c: Container,
  status: ContainerStatus | undefined,
  space: string,
): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = (c.ports ?? [])
    .map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
    .join(', ');
  w.write(
    LEVEL_2,
    hostPorts.includes(',')
      ? `Host Ports:\t${hostPorts}\n`
      : `Host Port:\t${stringOrNone(hostPorts)}\n`,
  );
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost')
      w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function command(w: PrefixWriter, c: Container): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list?.length) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

function containerState(w: PrefixWriter, s: ContainerStatus): void {
  describeStatus(w, 'State', s.state ?? {});
  if (s.lastState?.terminated) describeStatus(w, 'Last State', s.lastState);
  w.write(LEVEL_2, `Ready:\t${printBool(s.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${s.restartCount ?? 0}\n`);
}

function describeStatus(w: PrefixWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** Prints Limits: and Requests: with resource names sorted and canonical quantities. */
function describeResources(
  w: PrefixWriter,
  resources: Container['resources'] | undefined,
  level: number,
): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) {
      const raw = (list as Record<string, string>)[n];
      w.write(level + 1, `${n}:\t${Quantity.parse(raw)?.toString() ?? raw}\n`);
    }
  }
}

function probes(w: PrefixWriter, c: Container): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** Formats a probe as DescribeProbe: "http-get http://:80/ delay=0s timeout=1s period=10s
 * #success=1 #failure=3". */
function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = String(p.httpGet.port ?? '');
    const host = port ? `${hostPort(p.httpGet.host ?? '', port)}` : (p.httpGet.host ?? '');
    return `http-get ${(p.httpGet.scheme ?? '').toLowerCase()}://${host}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket)
    return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

// net.JoinHostPort brackets IPv6 hosts.
function hostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function mounts(w: PrefixWriter, c: Container): void {
  const list = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  );
  // describe.go reuses the Mounts "<none>" marker for Devices.
  const none = list.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of list) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) =>
    a.devicePath < b.devicePath ? -1 : 1,
  );
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

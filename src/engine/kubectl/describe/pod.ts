import type { Event, Pod } from '../../api/types';
import { formatLabelSelector } from '../printers/format';
import { describeContainers } from './containers';
import { envResolver } from './env';
import { describeEvents } from './events';
import {
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  translateTimestampSince,
} from './helpers';
import { podQOS } from './podResources';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

// kubectl describe pod (describe.go describePod, v1.31).

/** Renders describe pod; events undefined means the Events section is left out. */
export function describePod(pod: Pod, events: readonly Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    header(w, pod, now);
    const spec = pod.spec ?? { containers: [] };
    const status = pod.status ?? {};
    const resolve = envResolver(pod);
    if (spec.initContainers?.length) {
      describeContainers(
        w,
        'Init Containers',
        spec.initContainers,
        status.initContainerStatuses,
        resolve,
        '',
      );
    }
    describeContainers(w, 'Containers', spec.containers, status.containerStatuses, resolve, '');
    if (spec.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = status.conditions?.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec.volumes, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    topologySpread(w, spec.topologySpreadConstraints);
    if (events) describeEvents(w, events, now);
  });
}

function header(w: PrefixWriter, pod: Pod, now: number): void {
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec.priority != null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(
    LEVEL_0,
    spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n',
  );
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  statusLines(w, pod, now);
}

function statusLines(w: PrefixWriter, pod: Pod, now: number): void {
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // The deletion timestamp lies in the future, so this famously reads "(lasts <invalid>)".
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`,
    );
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost')
      w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if (status.podIPs?.length) {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  } else {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
  }
  const controlledBy = printController(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName)
    w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
}

/** Prints "Topology Spread Constraints:" sorted by topology key (when there are any). */
export function topologySpread(
  w: PrefixWriter,
  tscs: NonNullable<Pod['spec']>['topologySpreadConstraints'],
  space = '',
): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  );
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    const selector = t.labelSelector ? ` for selector ${formatLabelSelector(t.labelSelector)}` : '';
    w.write(
      LEVEL_0,
      `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded${selector}\n`,
    );
  });
}

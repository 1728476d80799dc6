import type { KubeObject } from '../../api/object';
import type { Deployment, Event, Pod, ReplicaSet } from '../../api/types';
import { formatLabelSelector, selectorString } from '../printers/format';
import { describeEvents } from './events';
import {
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  rfc1123z,
} from './helpers';
import { describePodTemplate } from './podTemplate';
import { controlledBy, splitReplicaSets } from './workloadsReplicaSets';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

// kubectl describe replicaset and deployment (describe.go describeReplicaSet and
// describeDeployment; kubectl/pkg/util/deployment for a deployment's old and new ReplicaSets).

/** Counts the controller's pods by phase: Running, Pending ("Waiting"), Succeeded, Failed. */
function podsStatus(owner: KubeObject, pods: readonly Pod[]): string {
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    const phase = p.status?.phase;
    if (controlledBy(p, owner) && phase && phase in n) n[phase as keyof typeof n]++;
  }
  return `${n.Running} Running / ${n.Pending} Waiting / ${n.Succeeded} Succeeded / ${n.Failed} Failed`;
}

function conditions(
  w: PrefixWriter,
  list: readonly { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!list?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of list) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** Renders describe replicaset; pods are those listed by its selector. */
export function describeReplicaSet(
  rs: ReplicaSet,
  pods: readonly Pod[],
  events: readonly Event[] | undefined,
  now: number,
): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const owner = printController(rs);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`,
    );
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(rs, pods)}\n`);
    describePodTemplate(w, rs.spec?.template);
    conditions(w, rs.status?.conditions);
    if (events) describeEvents(w, events, now);
  });
}

function rsList(list: readonly ReplicaSet[]): string {
  const s = list.map(
    (rs) =>
      `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`,
  );
  return s.length ? s.join(', ') : '<none>';
}

/** Renders describe deployment; replicaSets are those listed by its selector. */
export function describeDeployment(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
  events: readonly Event[] | undefined,
  now: number,
): string {
  return tabbedString((w) => {
    const spec = d.spec;
    const st = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) {
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '<nil>')} max unavailable, ${String(ru.maxSurge ?? '<nil>')} max surge\n`,
      );
    }
    describePodTemplate(w, spec?.template);
    conditions(w, st.conditions);
    const { newRS, old } = splitReplicaSets(d, replicaSets);
    if (old.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(w, events, now);
  });
}

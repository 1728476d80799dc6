import type { Deployment, ReplicaSet } from '../../api/types';
import { defaultPodSpec, syncDeprecatedServiceAccount } from './podSpec';

// Workload defaults (pkg/apis/apps/v1/defaults.go: SetDefaults_Deployment,
// SetDefaults_ReplicaSet), plus the PodSpec defaults every template gets.

/** The rollout limits a RollingUpdate Deployment gets when it names none. */
export const DEFAULT_MAX_SURGE = '25%';
/** The unavailability a RollingUpdate Deployment tolerates when it names none. */
export const DEFAULT_MAX_UNAVAILABLE = '25%';
/** The old ReplicaSets a Deployment keeps for rollback when it names no limit. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
/** Seconds a Deployment may make no progress before Progressing turns False. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

type Template = NonNullable<Deployment['spec']>['template'];

/** Defaults a pod template in place (PodSpec defaults only: SetDefaults_Pod is pod-only). */
export function defaultTemplate(template: Template | undefined): void {
  if (!template) return;
  // PodTemplateSpec.metadata is a struct; its zero creationTimestamp serializes as null (v1.31).
  const meta = (template.metadata ??= {});
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null as unknown as string;
  const spec = (template.spec ??= { containers: [] });
  defaultPodSpec(spec);
  syncDeprecatedServiceAccount(spec);
}

/** Defaults a Deployment in place: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600. */
export function defaultDeployment(d: Deployment): void {
  const spec = (d.spec ??= {} as NonNullable<Deployment['spec']>);
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= DEFAULT_MAX_UNAVAILABLE;
    ru.maxSurge ??= DEFAULT_MAX_SURGE;
  }
  spec.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT;
  spec.progressDeadlineSeconds ??= DEFAULT_PROGRESS_DEADLINE_SECONDS;
  defaultTemplate(spec.template);
}

/** Defaults a ReplicaSet in place: replicas 1 and its template. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= {} as NonNullable<ReplicaSet['spec']>);
  spec.replicas ??= 1;
  defaultTemplate(spec.template);
}

import type * as core from 'kubernetes-types/core/v1';
import type * as apps from 'kubernetes-types/apps/v1';
import type * as coordination from 'kubernetes-types/coordination/v1';
import type * as meta from 'kubernetes-types/meta/v1';
import type * as scheduling from 'kubernetes-types/scheduling/v1';

// The API types the engine works with. kubernetes-types marks server-set fields readonly because
// clients may not set them; the engine is the server, so it uses mutable views of the same types.
// Engine code imports object types from here, not from kubernetes-types.

/** Removes readonly at every depth. */
export type DeepMutable<T> = T extends (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

export type ObjectMeta = DeepMutable<meta.ObjectMeta>;
export type OwnerReference = DeepMutable<meta.OwnerReference>;
export type LabelSelector = DeepMutable<meta.LabelSelector>;
export type Status = DeepMutable<meta.Status>;
export type Pod = DeepMutable<core.Pod>;
export type PodSpec = DeepMutable<core.PodSpec>;
export type PodStatus = DeepMutable<core.PodStatus>;
export type PodCondition = DeepMutable<core.PodCondition>;
export type Container = DeepMutable<core.Container>;
export type ContainerStatus = DeepMutable<core.ContainerStatus>;
export type ContainerState = DeepMutable<core.ContainerState>;
export type Toleration = DeepMutable<core.Toleration>;
export type Taint = DeepMutable<core.Taint>;
export type Node = DeepMutable<core.Node>;
export type NodeCondition = DeepMutable<core.NodeCondition>;
export type Namespace = DeepMutable<core.Namespace>;
export type Event = DeepMutable<core.Event>;
export type Binding = DeepMutable<core.Binding>;
export type Probe = DeepMutable<core.Probe>;
export type PodTemplateSpec = DeepMutable<core.PodTemplateSpec>;
export type Affinity = DeepMutable<core.Affinity>;
export type NodeSelectorTerm = DeepMutable<core.NodeSelectorTerm>;
export type NodeSelectorRequirement = DeepMutable<core.NodeSelectorRequirement>;
export type Deployment = DeepMutable<apps.Deployment>;
export type DeploymentCondition = DeepMutable<apps.DeploymentCondition>;
export type ReplicaSet = DeepMutable<apps.ReplicaSet>;
export type Lease = DeepMutable<coordination.Lease>;
export type PriorityClass = DeepMutable<scheduling.PriorityClass>;

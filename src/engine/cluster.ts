import type { Taint } from './api/types';
import type { SchedulerConfig } from './scheduler/config';
import type { LatencyConfig } from './trace/network';
import { DEFAULT_LATENCY } from './trace/network';
import type { TraceMode } from './trace/trace';

/** One simulated node, as the kubelet will register it. */
export interface NodeSpec {
  name: string;
  /** Allocatable CPU, as a quantity ("4"). */
  cpu: string;
  /** Allocatable memory, as a quantity ("8Gi"). */
  memory: string;
  /** Maximum pods (the kubelet's maxPods, 110 by default). */
  pods: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

/** Everything that shapes a simulated cluster; the same config and inputs replay exactly. */
export interface ClusterConfig {
  seed: number;
  nodes: NodeSpec[];
  latency: LatencyConfig;
  trace: TraceMode;
  /** Events per resource in the apiserver's watch cache. */
  watchCacheSize: number;
  /** Freeze stored objects to catch accidental mutation (off for benchmarks). */
  freezeObjects: boolean;
  /** The version kubelets report, as "kubectl get nodes" shows it. */
  kubeletVersion: string;
  /** The kube-scheduler's configuration, over upstream's defaults. */
  scheduler: Partial<SchedulerConfig>;
}

/** The Kubernetes version the simulated cluster reports. */
export const KUBERNETES_VERSION = 'v1.31.4';

/** Returns the default node spec: 4 CPU, 8Gi, 110 pods, the standard labels. */
export function defaultNode(name: string): NodeSpec {
  return { name, cpu: '4', memory: '8Gi', pods: 110 };
}

/** Returns n default nodes named node-1 … node-n. */
export function defaultNodes(n: number): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => defaultNode(`node-${i + 1}`));
}

/** Fills in a partial configuration with the defaults: 3 nodes, seed 1. */
export function clusterConfig(partial: Partial<ClusterConfig> = {}): ClusterConfig {
  return {
    seed: 1,
    nodes: defaultNodes(3),
    latency: DEFAULT_LATENCY,
    trace: 'full',
    watchCacheSize: 100,
    freezeObjects: true,
    kubeletVersion: KUBERNETES_VERSION,
    scheduler: {},
    ...partial,
  };
}

import type { NodeSpec } from '../engine/cluster';

// The benchmark's workloads, modelled on kube-scheduler's scheduler_perf "SchedulingBasic":
// nodes from templates/node-default.yaml (4 CPU, 32Gi, 110 pods) and pods from
// templates/pod-default.yaml (one pause container requesting 100m CPU and 500Mi, port 80). Here
// the pods come from Deployments so the whole pipeline runs: Deployment → ReplicaSet → scheduler
// → kubelet → Running.

/** One benchmark run's shape. */
export interface Workload {
  name: string;
  nodes: number;
  pods: number;
}

/** Pods per Deployment: many mid-sized apps rather than one giant ReplicaSet. */
export const REPLICAS_PER_DEPLOYMENT = 1000;

/** The image every benchmark pod runs (preloaded on every node as the sandbox image). */
export const BENCH_IMAGE = 'registry.k8s.io/pause:3.10';

/** The workloads `npm run bench` runs, smallest first. */
export const WORKLOADS: readonly Workload[] = [
  { name: '5000Nodes_10000Pods', nodes: 5000, pods: 10_000 },
  { name: '5000Nodes_50000Pods', nodes: 5000, pods: 50_000 },
  { name: '5000Nodes_150000Pods', nodes: 5000, pods: 150_000 },
];

/** Returns the scheduler_perf default node, named like the simulator's nodes. */
export function benchNodes(n: number): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    cpu: '4',
    memory: '32Gi',
    pods: 110,
  }));
}

/** Returns the Deployment manifests that make up a workload's pods. */
export function benchDeployments(pods: number): object[] {
  const out: object[] = [];
  for (let i = 0; out.length * REPLICAS_PER_DEPLOYMENT < pods; i++) {
    const replicas = Math.min(REPLICAS_PER_DEPLOYMENT, pods - i * REPLICAS_PER_DEPLOYMENT);
    const app = `app-${i + 1}`;
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: 'default' },
      spec: {
        replicas,
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app } },
          spec: {
            containers: [
              {
                name: 'pause',
                image: BENCH_IMAGE,
                ports: [{ containerPort: 80 }],
                resources: {
                  limits: { cpu: '100m', memory: '500Mi' },
                  requests: { cpu: '100m', memory: '500Mi' },
                },
              },
            ],
          },
        },
      },
    });
  }
  return out;
}

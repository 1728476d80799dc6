import { describe, expect, it } from 'vitest';
import type { Lease, Node } from '../api/types';
import { parseTime } from '../clock/time';
import { eventsFor, getPod, kubeletEngine, pod, runPod, states } from './testing';

describe('node registration and heartbeats [NSTAT1]-[NSTAT4] [LEASE1]-[LEASE3]', () => {
  it('registers the node Ready with labels, capacity and node info', () => {
    const { engine } = kubeletEngine();
    const node = engine.request('test', { verb: 'get', resource: 'nodes', name: 'node-1' })
      .body as Node;
    expect(node.metadata?.labels).toMatchObject({
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'beta.kubernetes.io/arch': 'amd64',
    });
    expect(node.spec?.podCIDR).toBe('10.244.1.0/24');
    expect(node.status?.allocatable).toEqual({
      cpu: '4',
      'ephemeral-storage': '96636764160',
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: '8Gi',
      pods: '110',
    });
    expect(node.status?.capacity?.memory).toBe('8292Mi');
    expect(node.status?.capacity?.['ephemeral-storage']).toBe('100Gi');
    expect(
      node.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`),
    ).toEqual([
      'MemoryPressure=False KubeletHasSufficientMemory: kubelet has sufficient memory available',
      'DiskPressure=False KubeletHasNoDiskPressure: kubelet has no disk pressure',
      'PIDPressure=False KubeletHasSufficientPID: kubelet has sufficient PID available',
      'Ready=True KubeletReady: kubelet is posting ready status',
    ]);
    expect(node.status?.addresses).toEqual([
      { type: 'InternalIP', address: '10.0.0.11' },
      { type: 'Hostname', address: 'node-1' },
    ]);
    expect(node.status?.nodeInfo).toMatchObject({
      kubeletVersion: 'v1.31.4',
      containerRuntimeVersion: 'containerd://1.7.22',
      operatingSystem: 'linux',
      architecture: 'amd64',
    });
    expect(node.status?.images?.[0]?.names).toContain('registry.k8s.io/pause:3.10');
    expect(eventsFor(engine, 'node-1')).toEqual([
      'Starting: Starting kubelet.',
      'NodeHasSufficientMemory: Node node-1 status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node node-1 status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node node-1 status is now: NodeHasSufficientPID',
      'NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
      'NodeReady: Node node-1 status is now: NodeReady',
    ]);
  });

  it('renews its Lease every 10 s and stops when the kubelet stops', () => {
    const { engine, kubelet } = kubeletEngine();
    const lease = (): Lease =>
      engine.request('test', {
        verb: 'get',
        resource: 'leases',
        namespace: 'kube-node-lease',
        name: 'node-1',
      }).body as Lease;
    const first = lease();
    expect(first.spec).toMatchObject({ holderIdentity: 'node-1', leaseDurationSeconds: 40 });
    expect(first.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node-1' });
    engine.runFor(10_000);
    const t0 = parseTime(lease().spec?.renewTime);
    const renewals: number[] = [];
    for (let i = 0; i < 3; i++) {
      engine.runFor(10_000);
      renewals.push(parseTime(lease().spec?.renewTime) - t0);
    }
    expect(renewals).toEqual([10_000, 20_000, 30_000]);
    expect(first.spec?.renewTime).toMatch(/\.\d{6}Z$/);
    kubelet.stop();
    engine.runFor(60_000);
    expect(parseTime(lease().spec?.renewTime) - t0).toBeLessThanOrEqual(40_000);
    expect(engine.loop.now()).toBeGreaterThan(t0 + 90_000);
    expect(kubelet.snapshot().state).toBe('stopped');
  });
});

describe('a bound nginx pod', () => {
  it('goes Pending → ContainerCreating → Running and Ready, with the real events', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx' }));
    engine.runUntilIdle();
    const p = getPod(engine, 'web');
    expect(states(engine, 'web')).toEqual(['waiting:ContainerCreating', 'running']);
    expect(p?.status?.phase).toBe('Running');
    expect(p?.status?.podIP).toBe('10.244.1.2');
    expect(p?.status?.hostIP).toBe('10.0.0.11');
    expect(p?.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const cs = p?.status?.containerStatuses?.[0];
    expect(cs).toMatchObject({
      name: 'app',
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:latest',
    });
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(eventsFor(engine, 'web').filter((e) => !e.startsWith('Scheduled'))).toEqual([
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 2.809s (2.809s including waiting). Image size: 72195292 bytes.',
      'Created: Created container app',
      'Started: Started container app',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeNodeInfo, makePod } from '../../fixtures';
import { CycleState } from '../../framework/cycleState';
import type { ContainerPort } from '../../framework/hostPorts';
import { newNodePorts } from './nodePorts';

const port = (hostPort: number, o: Partial<ContainerPort> = {}): ContainerPort => ({
  containerPort: 8080,
  hostPort,
  ...o,
});

function run(want: ContainerPort[], used: ContainerPort[][]): [string, readonly string[]] {
  const plugin = newNodePorts();
  const state = new CycleState();
  const pod = makePod({ name: 'new', ports: want });
  const existing = used.map((ports, i) => makePod({ name: `old-${i}`, ports }));
  const pre = plugin.preFilter(state, pod);
  if (pre.status.isSkip()) return ['Skip', []];
  const s = plugin.filter(state, pod, makeNodeInfo('n', {}, existing));
  return [s.code, s.reasons];
}

const BUSY = ["node(s) didn't have free ports for the requested pod ports"];

describe('NodePorts', () => {
  it.each<[string, ContainerPort[], ContainerPort[][], [string, string[]]]>([
    ['no host ports: PreFilter skips', [{ containerPort: 80 }], [[port(80)]], ['Skip', []]],
    ['a free port', [port(80)], [[port(8080)]], ['Success', []]],
    ['the same TCP port', [port(80)], [[port(80)]], ['Unschedulable', BUSY]],
    ['UDP and TCP differ', [port(53, { protocol: 'UDP' })], [[port(53)]], ['Success', []]],
    [
      'two specific IPs do not collide',
      [port(80, { hostIP: '10.0.0.1' })],
      [[port(80, { hostIP: '10.0.0.2' })]],
      ['Success', []],
    ],
    [
      '0.0.0.0 wanted collides with any IP',
      [port(80)],
      [[port(80, { hostIP: '10.0.0.2' })]],
      ['Unschedulable', BUSY],
    ],
    [
      'a specific IP collides with 0.0.0.0 in use',
      [port(80, { hostIP: '10.0.0.1' })],
      [[port(80, { hostIP: '0.0.0.0' })]],
      ['Unschedulable', BUSY],
    ],
  ])('%s', (_name, want, used, expected) => {
    expect(run(want, used)).toEqual(expected);
  });

  it('frees a port when its pod leaves the node', () => {
    const old = makePod({ name: 'old', ports: [port(80)] });
    const node = makeNodeInfo('n', {}, [old]);
    node.removePod(old.key);
    const plugin = newNodePorts();
    const state = new CycleState();
    const pod = makePod({ ports: [port(80)] });
    plugin.preFilter(state, pod);
    expect(plugin.filter(state, pod, node).code).toBe('Success');
  });
});

import { describe, expect, it } from 'vitest';
import { makeNodeInfo, makePod } from '../fixtures';
import { CycleState } from './cycleState';
import type { PreFilterPlugin } from './interface';
import { runPreFilterExtensions } from './preFilterExtensions';
import { SUCCESS, Status } from './status';

function recording(calls: string[], name: string, result = SUCCESS): PreFilterPlugin {
  return {
    name,
    preFilter: () => ({ status: SUCCESS }),
    preFilterExtensions: {
      addPod: (_s, _p, added) => (calls.push(`${name} AddPod ${added.pod.metadata?.name}`), result),
      removePod: (_s, _p, gone) => (
        calls.push(`${name} RemovePod ${gone.pod.metadata?.name}`),
        result
      ),
    },
  };
}

describe('runPreFilterExtensions', () => {
  const node = makeNodeInfo('n1');
  const [pod, victim] = [makePod({ name: 'p' }), makePod({ name: 'victim' })];

  it('runs each extension in order, skipping plugins without one or whose PreFilter skipped', () => {
    const calls: string[] = [];
    const plain: PreFilterPlugin = { name: 'Plain', preFilter: () => ({ status: SUCCESS }) };
    const plugins = [
      recording(calls, 'A'),
      plain,
      recording(calls, 'Skipped'),
      recording(calls, 'B'),
    ];
    const state = new CycleState();
    state.skipFilterPlugins.add('Skipped');
    expect(runPreFilterExtensions(plugins, 'RemovePod', state, pod, victim, node)).toBe(SUCCESS);
    expect(runPreFilterExtensions(plugins, 'AddPod', state, pod, victim, node)).toBe(SUCCESS);
    expect(calls).toEqual([
      'A RemovePod victim',
      'B RemovePod victim',
      'A AddPod victim',
      'B AddPod victim',
    ]);
  });

  it('stops at the first failure and reports it as an Error naming the plugin', () => {
    const calls: string[] = [];
    const broken = recording(calls, 'A', new Status('Error', ['state not found']));
    const s = runPreFilterExtensions(
      [broken, recording(calls, 'B')],
      'AddPod',
      new CycleState(),
      pod,
      victim,
      node,
    );
    expect([s.code, s.message()]).toEqual([
      'Error',
      'running AddPod on PreFilter plugin "A": state not found',
    ]);
    expect(calls).toEqual(['A AddPod victim']);
  });
});

import { describe, expect, it } from 'vitest';
import { CycleState, type StateData } from './cycleState';

class Counts implements StateData {
  constructor(readonly byNode: Map<string, number>) {}
  clone(): Counts {
    return new Counts(new Map(this.byNode));
  }
}

describe('CycleState.clone', () => {
  it('copies StateData, shares values nothing changes, and shares the skip sets', () => {
    const state = new CycleState();
    const counts = new Counts(new Map([['n1', 1]]));
    const tolerations = [{ key: 'gpu' }];
    state.write('PreFilterCounts', counts);
    state.write('PreScoreTolerations', tolerations);
    state.skipFilterPlugins.add('NodePorts');
    const copy = state.clone();
    copy.read<Counts>('PreFilterCounts')?.byNode.set('n1', 0);
    expect(counts.byNode.get('n1')).toBe(1);
    expect(copy.read('PreScoreTolerations')).toBe(tolerations);
    expect(copy.skipFilterPlugins).toBe(state.skipFilterPlugins);
    expect(copy.skipScorePlugins).toBe(state.skipScorePlugins);
  });
});

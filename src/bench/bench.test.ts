import { describe, expect, it } from 'vitest';
import { runBare } from './bare';
import { runFull } from './full';
import { formatTable } from './report';

// The benchmark's harness on a tiny workload: it must finish, count every pod, and hand the
// bare loop inputs it can schedule. Speed is printed by `npm run bench`, never asserted.

describe('bench harness', () => {
  it('runs a workload through the full pipeline and the bare loop', () => {
    const { measurement, inputs } = runFull({ name: 'tiny', nodes: 5, pods: 30 }, 1);
    expect(measurement).toMatchObject({ workload: 'tiny', nodes: 5, pods: 30 });
    expect(measurement.virtual_seconds).toBeGreaterThan(0);
    expect(measurement.hops).toBeGreaterThan(30 * 10);
    expect(inputs.nodes).toHaveLength(5);
    expect(inputs.pod.spec?.nodeName).toBeUndefined();
    const bare = runBare(inputs.nodes, inputs.pod, 30, 1);
    expect(bare.bare_seconds).toBeGreaterThan(0);
    const table = formatTable([{ ...measurement, ...bare, ratio: 1 }]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('| tiny ');
  });
});

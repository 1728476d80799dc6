import { describe, expect, it } from 'vitest';
import { runSim, simHelp } from './commands';
import { cluster, sim } from './testing';

describe('sim commands', () => {
  it('lists every command with its usage and one line of help', () => {
    const help = simHelp();
    for (const usage of [
      'sim node stop NAME',
      'sim node start NAME',
      'sim partition NAME',
      'sim partition heal NAME',
      'sim component list',
      'sim component stop NAME',
      'sim component start NAME',
      'sim container kill POD [CONTAINER] [-n NAMESPACE]',
      'sim pod delete-force POD [-n NAMESPACE]',
      'sim watch delay COMPONENT DURATION',
      'sim help',
    ])
      expect(help).toContain(`  ${usage} `);
    expect(sim(cluster(1), 'sim')).toBe(help);
  });

  it('answers unknown commands and bad arguments with one error line naming the usage', () => {
    const e = cluster(1);
    const cases: [string, string][] = [
      ['sim frobnicate', 'error: unknown command "frobnicate"; run "sim help" for the list'],
      ['sim component', 'error: unknown command "component"; run "sim help" for the list'],
      ['sim node stop', 'error: a node name is required (usage: sim node stop NAME)'],
      ['sim node stop node-9', 'error: node "node-9" not found'],
      ['sim partition heal', 'error: a node name is required (usage: sim partition heal NAME)'],
      [
        'sim partition node-1 node-2',
        'error: unexpected argument "node-2" (usage: sim partition NAME)',
      ],
      [
        'sim component stop',
        'error: a component name is required (usage: sim component stop NAME)',
      ],
      [
        'sim component start etcd',
        'error: component "etcd" not found; "sim component list" shows the names',
      ],
      [
        'sim pod delete-force web -x',
        'error: unknown flag: -x (usage: sim pod delete-force POD [-n NAMESPACE])',
      ],
      [
        'sim container kill web -n',
        'error: flag needs an argument: -n (usage: sim container kill POD [CONTAINER] [-n NAMESPACE])',
      ],
      [
        'sim watch delay kube-scheduler',
        'error: a component and a duration are required (usage: sim watch delay COMPONENT DURATION)',
      ],
      [
        'sim watch delay kube-scheduler soon',
        'error: invalid duration "soon" (usage: sim watch delay COMPONENT DURATION)',
      ],
    ];
    for (const [line, text] of cases) {
      const result = runSim(e, line);
      expect({ line, text: result.text, ok: result.ok }).toEqual({ line, text, ok: false });
    }
  });
});

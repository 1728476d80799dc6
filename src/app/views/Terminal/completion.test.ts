import { describe, expect, it } from 'vitest';
import type { Names } from './completion';
import { applyCompletion, complete, formatColumns } from './completion';
import { lineOf } from './lineEditor';

const NAMES: Names = {
  nodes: ['node-1', 'node-2', 'node-3'],
  pods: ['web-7d9f-abcde', 'web-7d9f-fghij', 'db-0'],
  deployments: ['web', 'worker'],
  replicasets: ['web-7d9f'],
  namespaces: ['default', 'kube-system'],
  components: ['scheduler', 'kubelet/node-1'],
};

describe('complete: what the word before the cursor may become', () => {
  it.each<[string, string[]]>([
    ['', ['clear', 'help', 'kubectl', 'sim']],
    ['ku', ['kubectl']],
    ['kubectl g', ['get']],
    ['kubectl ro', ['rollout']],
    ['kubectl rollout ', ['history', 'pause', 'restart', 'resume', 'status', 'undo']],
    ['kubectl set ', ['image']],
    ['kubectl create ', ['deployment', 'namespace', 'priorityclass']],
    // Unimplemented commands are not offered.
    ['kubectl e', []],
    ['kubectl l', ['label']],
    ['kubectl help sc', ['scale']],
    // Types: the plural when the word leads there, else the short name typed.
    ['kubectl get no', ['nodes']],
    ['kubectl get po', ['pods']],
    ['kubectl get deploy', ['deployments']],
    ['kubectl get rs', ['rs']],
    ['kubectl get p', ['pods', 'priorityclasses']],
    ['kubectl get pc', ['pc']],
    ['kubectl get n', ['namespaces', 'nodes']],
    ['kubectl scale ', ['deployments', 'replicasets']],
    ['kubectl rollout status d', ['deployments']],
    // Names of the typed resource, in any of its spellings.
    ['kubectl describe node node-', ['node-1', 'node-2', 'node-3']],
    ['kubectl describe no node-2', ['node-2']],
    ['kubectl get pods w', ['web-7d9f-abcde', 'web-7d9f-fghij']],
    ['kubectl get pods -o wide d', ['db-0']],
    ['kubectl delete deploy/w', ['deploy/web', 'deploy/worker']],
    ['kubectl rollout undo deployment w', ['web', 'worker']],
    ['kubectl get widgets w', []],
    ['kubectl cordon ', ['node-1', 'node-2', 'node-3']],
    ['kubectl drain node-1 --ig', ['--ignore-daemonsets']],
    // Flags and their values.
    [
      'kubectl get pods -',
      [
        '--all-namespaces',
        '--namespace=',
        '--output=',
        '--selector=',
        '--show-labels',
        '--sort-by=',
        '--watch',
        '-A',
        '-l',
        '-n',
        '-o',
        '-w',
      ],
    ],
    ['kubectl get pods -o ', ['json', 'name', 'wide', 'yaml']],
    ['kubectl get pods -o y', ['yaml']],
    ['kubectl get pods --output=j', ['--output=json']],
    ['kubectl get pods -n k', ['kube-system']],
    ['kubectl get -n kube-system po', ['pods']],
    ['kubectl scale deploy web --re', ['--replicas=']],
    ['kubectl create deployment web --im', ['--image=']],
    ['kubectl scale deploy web --replicas=', []],
    // sim: subcommands, node and pod names, component names when the page gives them.
    ['sim ', ['component', 'container', 'help', 'node', 'partition', 'pod', 'watch']],
    ['sim node ', ['start', 'stop']],
    ['sim node stop n', ['node-1', 'node-2', 'node-3']],
    ['sim partition ', ['heal', 'node-1', 'node-2', 'node-3']],
    ['sim partition heal node-3', ['node-3']],
    ['sim container kill d', ['db-0']],
    ['sim pod delete-force web-7d9f-a', ['web-7d9f-abcde']],
    ['sim component stop s', ['scheduler']],
    ['help ', []],
  ])('%j → %j', (before, expected) => {
    expect(complete(before, NAMES).candidates).toEqual(expected);
  });

  it('names the word it completes by where it starts', () => {
    expect(complete('kubectl get no', NAMES)).toMatchObject({ start: 12, word: 'no' });
  });
});

describe('applyCompletion: bash semantics', () => {
  it.each<[string, number, boolean, string, string[] | undefined]>([
    // [line, cursor, second Tab, line after, list shown]
    ['kubectl get no', 14, false, 'kubectl get nodes ', undefined],
    ['kubectl describe node node-', 27, false, 'kubectl describe node node-', undefined],
    [
      'kubectl describe node node-',
      27,
      true,
      'kubectl describe node node-',
      ['node-1', 'node-2', 'node-3'],
    ],
    ['kubectl get pods w', 18, false, 'kubectl get pods web-7d9f-', undefined],
    ['kubectl scale deploy web --re', 29, false, 'kubectl scale deploy web --replicas=', undefined],
    ['kubectl get xyz', 15, true, 'kubectl get xyz', undefined],
    // Completing mid-line keeps what follows the cursor and does not double the space.
    ['kubectl g pods', 9, false, 'kubectl get pods', undefined],
  ])('%j at %i (second Tab %s) → %j', (text, cursor, secondTab, after, list) => {
    const line = { text, cursor };
    const result = applyCompletion(line, complete(text.slice(0, cursor), NAMES), secondTab);
    expect(result.line.text).toBe(after);
    expect(result.list).toEqual(list);
  });

  it('leaves the cursor after the completed word', () => {
    const result = applyCompletion(
      lineOf('kubectl get no'),
      complete('kubectl get no', NAMES),
      false,
    );
    expect(result.line.cursor).toBe('kubectl get nodes '.length);
  });
});

describe('formatColumns', () => {
  it.each<[string[], number, string]>([
    [['node-1', 'node-2', 'node-3'], 80, 'node-1  node-2  node-3'],
    [['a', 'bb', 'ccc', 'dddd', 'e'], 12, 'a     dddd\nbb    e\nccc'],
    [['a-very-long-name'], 5, 'a-very-long-name'],
  ])('%j in %i columns', (items, width, expected) => {
    expect(formatColumns(items, width)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { Action } from './commandLine';
import { HELP_TEXT, NOT_A_COMMAND, interpret } from './commandLine';

describe('interpret', () => {
  it.each<[string, Action]>([
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['kubectl get pods', { kind: 'run', line: 'kubectl get pods' }],
    ['  kubectl   get pods ', { kind: 'run', line: 'kubectl   get pods' }],
    ['$ kubectl get nodes', { kind: 'run', line: 'kubectl get nodes' }],
    ['kubectl', { kind: 'run', line: 'kubectl' }],
    ['sim node stop node-1', { kind: 'run', line: 'sim node stop node-1' }],
    ['clear', { kind: 'clear' }],
    ['help', { kind: 'print', text: HELP_TEXT }],
    ['ls -la', { kind: 'print', text: NOT_A_COMMAND('ls') }],
    ['kubectl-get', { kind: 'print', text: NOT_A_COMMAND('kubectl-get') }],
  ])('%j → %j', (line, action) => {
    expect(interpret(line)).toEqual(action);
  });
});

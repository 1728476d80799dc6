import { describe, expect, it } from 'vitest';
import {
  SHELL_OPERATOR_UNSUPPORTED,
  TokenizeError,
  tokenize,
  UNTERMINATED_QUOTE,
} from './tokenize';

describe('tokenize', () => {
  it.each([
    ['kubectl get pods -o wide', ['kubectl', 'get', 'pods', '-o', 'wide']],
    ['  kubectl   get\tpods  ', ['kubectl', 'get', 'pods']],
    [
      `kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web`,
      ['kubectl', 'wait', '--for=jsonpath={.status.phase}=Running', 'pod/web'],
    ],
    [
      `kubectl run x --image=busybox -- sh -c "echo hi; sleep 10"`,
      ['kubectl', 'run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo hi; sleep 10'],
    ],
    [`kubectl label pod web "a=b c"`, ['kubectl', 'label', 'pod', 'web', 'a=b c']],
    [`kubectl get pods -l 'app in (a,b)'`, ['kubectl', 'get', 'pods', '-l', 'app in (a,b)']],
    [
      `kubectl annotate pod web note='it'"'"'s'`,
      ['kubectl', 'annotate', 'pod', 'web', "note=it's"],
    ],
    ['kubectl get pods \\\n  -A', ['kubectl', 'get', 'pods', '-A']],
    ['kubectl get pods # all of them', ['kubectl', 'get', 'pods']],
    ['kubectl run x --env=HOME=$HOME', ['kubectl', 'run', 'x', '--env=HOME=$HOME']],
    ['kubectl get po *', ['kubectl', 'get', 'po', '*']],
    [
      `kubectl get pods -o jsonpath='{.items[*].metadata.name}'`,
      ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
    ],
  ])('%s', (line, words) => {
    expect(tokenize(line)).toEqual(words);
  });

  it.each(['kubectl get pods | grep web', 'kubectl get pods > out.txt', 'kubectl get pods; ls'])(
    'refuses shell operators: %s',
    (line) => {
      expect(() => tokenize(line)).toThrow(new TokenizeError(SHELL_OPERATOR_UNSUPPORTED));
    },
  );

  it('reports an unterminated quote as bash does', () => {
    expect(() => tokenize('kubectl label pod web "a=b')).toThrow(UNTERMINATED_QUOTE('"'));
    expect(() => tokenize("kubectl label pod web 'a=b")).toThrow(UNTERMINATED_QUOTE("'"));
  });
});

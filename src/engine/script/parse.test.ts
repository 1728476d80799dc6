import { describe, expect, it } from 'vitest';
import { parseDuration, parseScript } from './parse';

describe('parseScript', () => {
  it('reads kubectl lines, sleeps, sim commands, comments and blank lines', () => {
    const steps = parseScript('# setup\n\nkubectl get pods\nsleep 30s\nsim node stop node-1\n');
    expect(steps).toEqual([
      { kind: 'kubectl', line: 3, text: 'kubectl get pods', command: 'kubectl get pods' },
      { kind: 'sleep', line: 4, text: 'sleep 30s', ms: 30_000 },
      { kind: 'sim', line: 5, text: 'sim node stop node-1' },
    ]);
  });

  it('takes a heredoc body as stdin and leaves it out of the command', () => {
    const steps = parseScript(
      "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nEOF\nkubectl get pods\n",
    );
    expect(steps[0]).toEqual({
      kind: 'kubectl',
      line: 1,
      text: "kubectl apply -f - <<'EOF'",
      command: 'kubectl apply -f -',
      stdin: 'apiVersion: v1\nkind: Pod\n',
    });
    expect(steps[1]).toMatchObject({ kind: 'kubectl', line: 5 });
  });

  it('strips leading tabs for <<- heredocs', () => {
    const steps = parseScript('kubectl apply -f - <<-END\n\tkind: Pod\n\tEND\n');
    expect(steps[0]).toMatchObject({ stdin: 'kind: Pod\n' });
  });

  it('reports an unterminated heredoc and unknown commands without stopping', () => {
    const steps = parseScript('ls -l\nkubectl apply -f - <<EOF\nkind: Pod\n');
    expect(steps.map((s) => s.kind)).toEqual(['invalid', 'invalid']);
    expect(steps[1]).toMatchObject({
      error: "here-document at line 2 delimited by end-of-file (wanted `EOF')",
    });
  });

  it('joins backslash continuations', () => {
    expect(parseScript('kubectl create deployment web \\\n  --image=nginx\n')[0]).toMatchObject({
      command: 'kubectl create deployment web --image=nginx',
    });
  });
});

describe('parseDuration', () => {
  it.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['500ms', 500],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['0.5s', 500],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('rejects garbage', () => {
    for (const bad of ['', 'abc', '5x', '-1s', '5 s']) expect(parseDuration(bad)).toBeUndefined();
  });
});

// The sim script language: what a person types in a terminal session, one command per line.
//   kubectl … (with heredocs: `kubectl apply -f - <<EOF` … `EOF`)
//   sleep 30s | 500ms | 5m | 1h | 30     advances virtual time
//   sim …                                fault injection and inspection (see sim/)
//   # comment, blank lines, trailing-backslash continuations

/** One command of a script; text is the command as typed (what the transcript echoes). */
export type ScriptStep =
  | { kind: 'kubectl'; line: number; text: string; command: string; stdin?: string }
  | { kind: 'sleep'; line: number; text: string; ms: number }
  | { kind: 'sim'; line: number; text: string }
  | { kind: 'invalid'; line: number; text: string; error: string };

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2\s*$/;

/** Splits a script into steps; problems become 'invalid' steps so the script goes on. */
export function parseScript(source: string): ScriptStep[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const steps: ScriptStep[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let text = lines[i++] as string;
    while (text.endsWith('\\') && i < lines.length)
      text = text.slice(0, -1) + (lines[i++] as string).trimStart();
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const heredoc = HEREDOC.exec(trimmed);
    let stdin: string | undefined;
    let command = trimmed;
    if (heredoc) {
      const [, dash, , delimiter] = heredoc;
      const body: string[] = [];
      let closed = false;
      while (i < lines.length) {
        const raw = lines[i++] as string;
        const candidate = dash ? raw.replace(/^\t+/, '') : raw;
        if (candidate === delimiter) {
          closed = true;
          break;
        }
        body.push(candidate);
      }
      command = trimmed.slice(0, heredoc.index).trimEnd();
      if (!closed) {
        steps.push({
          kind: 'invalid',
          line: start + 1,
          text: trimmed,
          error: `here-document at line ${start + 1} delimited by end-of-file (wanted \`${delimiter}')`,
        });
        continue;
      }
      stdin = body.length > 0 ? `${body.join('\n')}\n` : '';
    }
    steps.push(classify(command, start + 1, stdin, trimmed));
  }
  return steps;
}

function classify(
  command: string,
  line: number,
  stdin: string | undefined,
  echoed: string,
): ScriptStep {
  const word = command.split(/\s+/, 1)[0] ?? '';
  switch (word) {
    case 'kubectl':
      return stdin === undefined
        ? { kind: 'kubectl', line, text: echoed, command }
        : { kind: 'kubectl', line, text: echoed, command, stdin };
    case 'sleep': {
      const arg = command.slice(5).trim();
      const ms = parseDuration(arg);
      if (ms === undefined)
        return {
          kind: 'invalid',
          line,
          text: echoed,
          error: `sleep: invalid time interval '${arg}'`,
        };
      return { kind: 'sleep', line, text: command, ms };
    }
    case 'sim':
      return { kind: 'sim', line, text: command };
    default:
      return {
        kind: 'invalid',
        line,
        text: echoed,
        error: `${word}: command not found (scripts run kubectl, sleep and sim commands; try "sim help")`,
      };
  }
}

/** Parses a duration as sleep and kubectl's --timeout take it: 30, 30s, 500ms, 5m, 1h, 1m30s. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const unit = m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 3_600_000;
    total += Number(m[1]) * unit;
    matched = re.lastIndex;
  }
  return matched === t.length && t.length > 0 ? Math.round(total) : undefined;
}

import type { Engine } from '../engine';
import { runSim } from '../sim/commands';
import type { KubectlInput } from '../simulation';
import { outputText, runKubectl } from '../simulation';
import { parseScript } from './parse';

/** Receives the transcript as it is produced. */
export type TranscriptSink = (text: string) => void;

/**
 * Runs a script against a simulation, writing a transcript: each command echoed as `$ <command>`
 * followed by exactly what it printed. Errors are printed and the script goes on.
 */
export function runScript(
  engine: Engine,
  source: string,
  write: TranscriptSink,
  files: KubectlInput['readFile'] = () => undefined,
): void {
  for (const step of parseScript(source)) {
    write(`$ ${step.text}\n`);
    switch (step.kind) {
      case 'kubectl': {
        const result = runKubectl(engine, step.command, { stdin: step.stdin, readFile: files });
        write(outputText(result));
        break;
      }
      case 'sleep':
        engine.runFor(step.ms);
        break;
      case 'sim': {
        const result = runSim(engine, step.text);
        write(`${result.text}\n`);
        break;
      }
      case 'invalid':
        write(`${step.error}\n`);
        break;
    }
  }
}

import { readFileSync, writeFileSync } from 'node:fs';
import { runBare } from './bare';
import { runFull, type SchedulingInputs } from './full';
import { WORKLOADS } from './workloads';

// One half of one workload in a fresh process, so that heap figures are its own and the bare
// loop's code is compiled for the bare loop alone (run after the full pipeline in the same
// process, it inherits the megamorphic call sites the whole control plane left behind and runs
// several times slower). `full` writes the scheduler's inputs for `bare` to read. Prints one JSON
// object on stdout.

const [mode, name, seedArg, inputsPath] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.name === name);
if (!workload || !inputsPath || (mode !== 'full' && mode !== 'bare')) {
  process.stderr.write('usage: child full|bare WORKLOAD SEED INPUTS.json\n');
  process.exit(2);
}
const seed = Number(seedArg ?? 1);
if (mode === 'full') {
  const { measurement, inputs } = runFull(workload, seed);
  writeFileSync(inputsPath, JSON.stringify(inputs));
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const inputs = JSON.parse(readFileSync(inputsPath, 'utf8')) as SchedulingInputs;
  const bare = runBare(inputs.nodes, inputs.pod, workload.pods, seed);
  process.stdout.write(`${JSON.stringify(bare)}\n`);
}

import { runBare } from './bare';
import { runFull } from './full';
import { WORKLOADS } from './workloads';

// One workload in a fresh process (so heap figures are its own): the full pipeline, then the
// bare loop over the same inputs; prints one JSON object on stdout.

const [name, seedArg] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.name === name);
if (!workload) {
  process.stderr.write(`unknown workload "${name}"\n`);
  process.exit(2);
}
const seed = Number(seedArg ?? 1);
const { measurement, inputs } = runFull(workload, seed);
const bare = runBare(inputs.nodes, inputs.pod, workload.pods, seed);
process.stdout.write(
  `${JSON.stringify({ ...measurement, ...bare, ratio: measurement.seconds_to_running / bare.bare_seconds })}\n`,
);

import type { Engine } from '../engine';
import { goDuration } from '../kubelet/format';
import type { SimCommand, SimResult } from './command';
import { fail, isRunning, misuse, ok } from './command';

// Stopping and starting the control plane's processes: kube-scheduler, each controller of the
// kube-controller-manager, each kubelet. A stopped process does nothing; a started one is a new
// process that relists and catches up.

const KUBELET = 'kubelet/';

/** Stops a component by trace name, saying what that means for it. */
export function stopComponent(engine: Engine, name: string): SimResult {
  const component = engine.component(name);
  if (!component) return unknown(name);
  if (!isRunning(engine, name)) return ok(`${name} is already stopped`);
  component.stop();
  return ok(
    name.startsWith(KUBELET)
      ? `${name} stopped: it no longer renews its Lease or reports status; its containers keep running`
      : `${name} stopped: its watches are closed and it acts on nothing until started`,
  );
}

/** Starts a component by trace name, saying what it does first. */
export function startComponent(engine: Engine, name: string): SimResult {
  const component = engine.component(name);
  if (!component) return unknown(name);
  if (isRunning(engine, name)) return ok(`${name} is already running`);
  component.start();
  return ok(
    name.startsWith(KUBELET)
      ? `${name} started: it registers again, renews its Lease and resyncs its pods`
      : `${name} started: it relists everything it watches and catches up`,
  );
}

function unknown(name: string): SimResult {
  return fail(`component "${name}" not found; "sim component list" shows the names`);
}

/** Returns a table of every component: running or stopped, reachable, watch delay. */
export function componentTable(engine: Engine): string {
  const rows = [['NAME', 'STATUS', 'APISERVER', 'WATCH DELAY']];
  for (const c of engine.allComponents()) {
    const client = engine.client(c.name);
    rows.push([
      c.name,
      isRunning(engine, c.name) ? 'Running' : 'Stopped',
      client.isReachable() ? 'reachable' : 'unreachable',
      goDuration(client.watchDelay()),
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths?.[i] ?? 0) + 3)))
        .join(''),
    )
    .join('\n');
}

const nameOnly =
  (usage: string, act: (engine: Engine, name: string) => SimResult): SimCommand['run'] =>
  (engine, args) => {
    if (args.length === 0) return misuse(usage, 'a component name is required');
    if (args.length > 1) return misuse(usage, `unexpected argument "${args[1] ?? ''}"`);
    return act(engine, args[0] as string);
  };

/** The `sim component` commands. */
export const componentCommands: Record<string, SimCommand> = {
  'component list': {
    usage: 'sim component list',
    help: 'List the components (scheduler, controllers, kubelets): running or stopped, reachable, watch delay.',
    run(engine, args) {
      if (args.length > 0)
        return misuse('sim component list', `unexpected argument "${args[0] ?? ''}"`);
      return ok(componentTable(engine));
    },
  },
  'component stop': {
    usage: 'sim component stop NAME',
    help: 'Stop a component: its watches close and it does nothing until started.',
    run: nameOnly('sim component stop NAME', stopComponent),
  },
  'component start': {
    usage: 'sim component start NAME',
    help: 'Start a stopped component: it relists what it watches and catches up.',
    run: nameOnly('sim component start NAME', startComponent),
  },
};

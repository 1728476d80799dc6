import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { SessionController } from '../../session/controller';
import { useThrottled } from '../useThrottled';

/** Buttons for the sim fault-injection commands, so breaking things needs no typing. */
export function ChaosPanel({
  session,
  onOutput,
}: {
  session: SessionController;
  onOutput(text: string): void;
}) {
  const components = useStore(session.store, (s) => s.components);
  const [open, setOpen] = useState(false);
  // Only an open panel lists the pods, and not more often than a few times a second.
  const done = useThrottled(
    useStore(session.store, (s) => (open ? s.position.done : 0)),
    500,
  );
  const nodes = components
    .filter((c) => c.startsWith('kubelet/'))
    .map((c) => c.slice('kubelet/'.length));
  const stoppable = components.filter((c) => !c.startsWith('kubelet/'));
  const pods = useMemo(
    () =>
      open
        ? [...session.world.at(done).keys()]
            .filter((k) => k.startsWith('/registry/pods/'))
            .map((k) => k.slice('/registry/pods/'.length))
        : [],
    [session, done, open],
  );
  const [node, setNode] = useState('node-1');
  const [component, setComponent] = useState('kube-scheduler');
  const [pod, setPod] = useState('');
  const run = (line: string) =>
    void session.sim(line).then(onOutput, (e: Error) => onOutput(e.message));
  const podRef = pod || pods[0] || '';
  const [ns, name] = podRef.split('/');
  return (
    <details className="chaos" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Break things</summary>
      <div className="chaosrow">
        <label>
          Node
          <select value={node} onChange={(e) => setNode(e.target.value)}>
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button onClick={() => run(`sim node stop ${node}`)}>Stop node</button>
        <button onClick={() => run(`sim node start ${node}`)}>Start node</button>
        <button onClick={() => run(`sim partition ${node}`)}>Partition</button>
        <button onClick={() => run(`sim partition heal ${node}`)}>Heal partition</button>
      </div>
      <div className="chaosrow">
        <label>
          Component
          <select value={component} onChange={(e) => setComponent(e.target.value)}>
            {stoppable.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <button onClick={() => run(`sim component stop ${component}`)}>Stop</button>
        <button onClick={() => run(`sim component start ${component}`)}>Start</button>
        <button onClick={() => run(`sim watch delay ${component} 5s`)}>Delay its watch 5 s</button>
        <button onClick={() => run(`sim watch delay ${component} 0s`)}>No delay</button>
      </div>
      <div className="chaosrow">
        <label>
          Pod
          <select
            value={podRef}
            onChange={(e) => setPod(e.target.value)}
            disabled={pods.length === 0}
          >
            {pods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <button disabled={!name} onClick={() => run(`sim container kill ${name} -n ${ns}`)}>
          Kill its container
        </button>
        <button disabled={!name} onClick={() => run(`sim pod delete-force ${name} -n ${ns}`)}>
          Force-delete
        </button>
      </div>
    </details>
  );
}

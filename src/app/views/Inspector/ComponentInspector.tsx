import { stringify } from 'yaml';
import type { SessionController } from '../../session/controller';
import { useEngineQuery } from '../useEngineQuery';

/** The states of the machine every informer/workqueue controller runs (client/controllerMachine.ts). */
const CONTROLLER_STATES = ['stopped', 'syncing', 'idle', 'reconciling'];

/** A component's internals as of the playhead: its machine state, work queue and caches. */
export function ComponentInspector({
  session,
  name,
  done,
}: {
  session: SessionController;
  name: string;
  done: number;
}) {
  const query = useEngineQuery(() => session.engine.componentAt(name, done), `${name}@${done}`);
  if (query.status === 'loading') return <p className="quiet">Loading…</p>;
  if (query.status === 'error')
    return (
      <p className="error">
        Could not read {name}: {query.message}
      </p>
    );
  const state = query.value;
  if (!state) return <p className="quiet">{name} has not acted yet at this moment.</p>;
  const { snapshot } = state;
  const value =
    typeof snapshot.state === 'string' ? snapshot.state : stringify(snapshot.state).trim();
  return (
    <div className="componentinspector">
      <h2>{name}</h2>
      {name.endsWith('-controller') && (
        <ol className="machine" aria-label="State machine">
          {CONTROLLER_STATES.map((s) => (
            <li
              key={s}
              className={s === value ? 'current' : undefined}
              aria-current={s === value ? 'step' : undefined}
            >
              {s}
            </li>
          ))}
        </ol>
      )}
      <p>
        State: <code>{value}</code>
      </p>
      <h3>Work queue</h3>
      {snapshot.queue && snapshot.queue.length > 0 ? (
        <ul className="queue">
          {snapshot.queue.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
      ) : (
        <p className="quiet">Empty.</p>
      )}
      <h3>Details and informer caches</h3>
      <pre className="yaml" tabIndex={0}>
        {stringify(snapshot.details ?? {})}
      </pre>
    </div>
  );
}

import { useStore } from 'zustand';
import type { SessionController } from '../../session/controller';
import { narrate } from '../../narration/narrate';
import { useEngineQuery } from '../useEngineQuery';
import { useThrottled } from '../useThrottled';

/** Revisions the log shows, newest first. */
const LOG_LENGTH = 60;

/** etcd as of the playhead: its key space by resource and its revision log, newest first. */
export function EtcdInspector({
  session,
  onSelectHop,
}: {
  session: SessionController;
  onSelectHop(id: number): void;
}) {
  const done = useThrottled(
    useStore(session.store, (s) => s.position.done),
    250,
  );
  const query = useEngineQuery(() => session.engine.etcdAt(done, LOG_LENGTH), `etcd@${done}`);
  if (query.status === 'loading') return <p className="quiet">Loading…</p>;
  if (query.status === 'error') return <p className="error">{query.message}</p>;
  const { revisions, keys } = query.value;
  const hops = session.timeline.hops;
  return (
    <div className="etcdinspector">
      <h2>etcd</h2>
      <p>
        The API server keeps every object in etcd. Each write gets the next revision number, and
        watches replay the log from a revision: the cluster&apos;s state is this log.
      </p>
      <h3>Key space</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Prefix</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(keys)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([prefix, n]) => (
              <tr key={prefix}>
                <td>
                  <code>{prefix}/…</code>
                </td>
                <td>{n}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h3>Revision log (newest first)</h3>
      <ol className="etcdlog" reversed>
        {revisions.map((r) => {
          const hop = hops[r.hop - 1];
          return (
            <li key={r.rev} value={r.rev}>
              <code>
                {r.type} {r.key}
              </code>{' '}
              {hop && (
                <button
                  className="linklike quiet"
                  onClick={() => onSelectHop(hop.id)}
                  title={narrate(hop)}
                >
                  (message {Math.max(0, hop.id - session.store.getState().bootHops)})
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

import { diffLines } from 'diff';
import { useState } from 'react';
import { stringify } from 'yaml';
import type { SessionController } from '../../session/controller';
import { useEngineQuery } from '../useEngineQuery';
import { SchedulingTable } from './SchedulingTable';
import { Why } from './Why';

type Tab = 'YAML' | 'Describe' | 'Events' | 'History' | 'Why' | 'Scheduling';

interface Props {
  session: SessionController;
  objectKey: string;
  done: number;
  onSelectHop(id: number): void;
}

/** One stored object as of the playhead: its YAML, events, revisions, origin and scheduling. */
export function ObjectInspector({ session, objectKey, done, onSelectHop }: Props) {
  const [tab, setTab] = useState<Tab>('YAML');
  const objects = session.world.at(done);
  const current = objects.get(objectKey);
  const history = session.world.history(objectKey).filter((v) => v.hop <= done);
  const meta = (current?.object.metadata ?? history[0]?.object.metadata ?? {}) as {
    name?: string;
    namespace?: string;
  };
  const kind = String(current?.object.kind ?? history[0]?.object.kind ?? '');
  const tabs: Tab[] =
    kind === 'Pod'
      ? ['YAML', 'Describe', 'Events', 'History', 'Why', 'Scheduling']
      : ['YAML', 'Describe', 'Events', 'History', 'Why'];
  const bootHops = session.store.getState().bootHops;
  return (
    <div className="objinspector">
      <h2>
        {kind} <b>{meta.name}</b>{' '}
        {current ? '' : <span className="quiet">(deleted by this moment)</span>}
      </h2>
      <div role="tablist" aria-label="Inspector">
        {tabs.map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tabpanel">
        {tab === 'YAML' &&
          (current ? (
            <pre className="yaml" tabIndex={0}>
              {stringify(current.object)}
            </pre>
          ) : (
            <p className="quiet">Not in the store at this moment.</p>
          ))}
        {tab === 'Describe' && (
          <Describe
            session={session}
            done={done}
            line={`kubectl describe ${kind.toLowerCase()} ${meta.name ?? ''}${meta.namespace ? ` -n ${meta.namespace}` : ''}`}
          />
        )}
        {tab === 'Events' && (
          <EventList
            session={session}
            done={done}
            kind={kind}
            name={meta.name ?? ''}
            namespace={meta.namespace}
          />
        )}
        {tab === 'History' && (
          <Revisions
            versions={history.map((v) => ({ rev: v.rev, type: v.type, object: v.object }))}
          />
        )}
        {tab === 'Why' &&
          (history[0] ? (
            <Why
              hops={session.timeline.hops}
              id={history[0].hop}
              bootHops={bootHops}
              onSelectHop={onSelectHop}
            />
          ) : (
            <p className="quiet">Not created yet at this moment.</p>
          ))}
        {tab === 'Scheduling' && (
          <PodScheduling session={session} pod={`${meta.namespace}/${meta.name}`} done={done} />
        )}
      </div>
    </div>
  );
}

function Describe({
  session,
  done,
  line,
}: {
  session: SessionController;
  done: number;
  line: string;
}) {
  const query = useEngineQuery(() => session.engine.kubectlAt(line, done), `${line}@${done}`);
  if (query.status === 'loading') return <p className="quiet">Loading…</p>;
  if (query.status === 'error') return <p className="error">{query.message}</p>;
  return (
    <>
      <p className="quiet">
        <code>{line}</code>, as of this moment:
      </p>
      <pre className="yaml" tabIndex={0}>
        {query.value}
      </pre>
    </>
  );
}

function PodScheduling({
  session,
  pod,
  done,
}: {
  session: SessionController;
  pod: string;
  done: number;
}) {
  const query = useEngineQuery(() => session.engine.schedulingAt(pod, done), `${pod}@${done}`);
  if (query.status === 'loading') return <p className="quiet">Loading…</p>;
  if (query.status === 'error') return <p className="error">{query.message}</p>;
  return <SchedulingTable record={query.value} />;
}

interface EventView {
  type?: string;
  reason?: string;
  message?: string;
  source?: { component?: string };
  reportingComponent?: string;
  count?: number;
}

function EventList(props: {
  session: SessionController;
  done: number;
  kind: string;
  name: string;
  namespace?: string;
}) {
  const { session, done, kind, name, namespace } = props;
  const query = useEngineQuery(
    () => session.engine.eventsFor(kind, namespace, name, done),
    `${kind}/${namespace}/${name}@${done}`,
  );
  if (query.status === 'loading') return <p className="quiet">Loading…</p>;
  if (query.status === 'error') return <p className="error">{query.message}</p>;
  const events = query.value as EventView[];
  if (events.length === 0) return <p className="quiet">No events about this object yet.</p>;
  return (
    <table className="events">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">From</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td>{e.source?.component ?? e.reportingComponent}</td>
            <td>
              {e.message}
              {e.count && e.count > 1 ? ` (×${e.count})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Revisions({
  versions,
}: {
  versions: { rev: number; type: string; object: Record<string, unknown> }[];
}) {
  const [pick, setPick] = useState<number | undefined>(undefined);
  if (versions.length === 0) return <p className="quiet">No revisions yet.</p>;
  const index = Math.min(pick ?? versions.length - 1, versions.length - 1);
  const after = versions[index];
  const before = index > 0 ? versions[index - 1] : undefined;
  const parts = diffLines(
    before ? stringify(before.object) : '',
    after ? stringify(after.object) : '',
  );
  return (
    <div className="revisions">
      <ol className="revlist">
        {versions.map((v, i) => (
          <li key={v.rev}>
            <button aria-pressed={i === index} onClick={() => setPick(i)}>
              revision {v.rev} {v.type === 'DELETE' ? '(deleted)' : ''}
            </button>
          </li>
        ))}
      </ol>
      <p className="quiet">
        {before
          ? `Changes from revision ${before.rev} to ${after?.rev}:`
          : `Created at revision ${after?.rev}:`}
      </p>
      <pre className="diff" tabIndex={0}>
        {parts.map((p, i) => (
          <span key={i} className={p.added ? 'added' : p.removed ? 'removed' : 'same'}>
            {p.value
              .split('\n')
              .filter((l, j, all) => j < all.length - 1 || l !== '')
              .map((l) => `${p.added ? '+ ' : p.removed ? '- ' : '  '}${l}\n`)
              .join('')}
          </span>
        ))}
      </pre>
    </div>
  );
}

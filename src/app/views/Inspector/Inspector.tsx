import { useStore } from 'zustand';
import type { SessionController } from '../../session/controller';
import { ComponentInspector } from './ComponentInspector';
import { EtcdInspector } from './EtcdInspector';
import { HopInspector } from './HopInspector';
import { ObjectInspector } from './ObjectInspector';

/** What is selected: a stored object, a hop, or a component. */
export type Selection =
  | { kind: 'object'; key: string }
  | { kind: 'hop'; id: number }
  | { kind: 'component'; name: string };

/** The inspector panel for whatever is selected, as of the playhead. */
export function Inspector(props: {
  session: SessionController;
  selection: Selection | undefined;
  onSelect(s: Selection): void;
}) {
  const { session, selection, onSelect } = props;
  const done = useStore(session.store, (s) => s.position.done);
  useStore(session.store, (s) => s.revision);
  const selectHop = (id: number) => onSelect({ kind: 'hop', id });
  return (
    <section className="inspector" aria-label="Inspector">
      {!selection && (
        <p className="quiet">
          Select a node, a pod, a workload, a component (etcd shows its revision log) or a moving
          message to inspect it here, as it was at the moment the timeline shows.
        </p>
      )}
      {selection?.kind === 'object' && (
        <ObjectInspector
          session={session}
          objectKey={selection.key}
          done={done}
          onSelectHop={selectHop}
        />
      )}
      {selection?.kind === 'hop' && (
        <HopInspector session={session} id={selection.id} onSelectHop={selectHop} />
      )}
      {selection?.kind === 'component' && selection.name === 'etcd' && (
        <EtcdInspector session={session} onSelectHop={selectHop} />
      )}
      {selection?.kind === 'component' && selection.name !== 'etcd' && (
        <ComponentInspector session={session} name={selection.name} done={done} />
      )}
    </section>
  );
}

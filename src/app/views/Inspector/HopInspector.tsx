import { useEffect, useState } from 'react';
import { stringify } from 'yaml';
import { narrate } from '../../narration/narrate';
import type { SessionController } from '../../session/controller';
import { packetLabel } from '../Flow/label';
import { formatClock } from '../Controls/clock';
import { Why } from './Why';

/** One hop: what it carried and the chain of hops that caused it. */
export function HopInspector({
  session,
  id,
  onSelectHop,
}: {
  session: SessionController;
  id: number;
  onSelectHop(id: number): void;
}) {
  const hop = session.timeline.hops[id - 1];
  const [body, setBody] = useState<string>('loading…');
  useEffect(() => {
    let live = true;
    session.engine.body(id).then(
      (b) => live && setBody(b === undefined ? '(no body)' : stringify(b)),
      (e: Error) => live && setBody(`could not load the message: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [session, id]);
  if (!hop) return <p className="quiet">That message is no longer in this timeline.</p>;
  const bootHops = session.store.getState().bootHops;
  return (
    <div className="hopinspector">
      <h2>
        Message {id - bootHops}: <code>{packetLabel(hop)}</code>
      </h2>
      <p>{narrate(hop)}</p>
      <p className="quiet">
        {hop.from} → {hop.to}, sent at {formatClock(hop.t)}, arrived at {formatClock(hop.arrive)}
      </p>
      <h3>Why it happened</h3>
      <Why hops={session.timeline.hops} id={id} bootHops={bootHops} onSelectHop={onSelectHop} />
      <h3>What it carried</h3>
      <pre className="yaml" tabIndex={0}>
        {body}
      </pre>
    </div>
  );
}

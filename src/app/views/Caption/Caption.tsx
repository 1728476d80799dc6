import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { narrate } from '../../narration/narrate';
import type { SessionController } from '../../session/controller';
import type { Hop } from '../../worker/protocol';

/** Sentences shown for one moment; a big cluster's fan-outs are summarised beyond this. */
const MAX_LINES = 6;

/** Real ms between announcements to screen readers, so fast playback does not flood them. */
const ANNOUNCE_EVERY_MS = 1500;

/** The caption strip: the current (or last) moment's hops as numbered sentences, also announced. */
export function Caption({ session }: { session: SessionController }) {
  // Primitives, so the caption re-renders when the moment changes, not on every frame.
  const done = useStore(session.store, (s) => s.position.done);
  const first = useStore(session.store, (s) => s.position.moment?.first);
  const lastHop = useStore(session.store, (s) => s.position.moment?.last);
  const bootHops = useStore(session.store, (s) => s.bootHops);
  useStore(session.store, (s) => s.revision);
  const lines = captionLines(session, done, first, lastHop, bootHops);
  const [announced, setAnnounced] = useState('');
  const last = useRef(0);
  const text = lines.join(' ');
  useEffect(() => {
    const now = performance.now();
    if (!text || now - last.current < ANNOUNCE_EVERY_MS) return;
    last.current = now;
    setAnnounced(text);
  }, [text]);
  return (
    <div className="caption">
      <ul className="lines">
        {lines.length === 0 ? (
          <li className="quiet">Nothing is moving. Apply some YAML or type a kubectl command.</li>
        ) : (
          lines.map((l) => <li key={l}>{l}</li>)
        )}
      </ul>
      <div className="sr-only" aria-live="polite" role="status">
        {announced}
      </div>
    </div>
  );
}

/** Returns the numbered sentences for the moment in flight, or else the last one that arrived. */
function captionLines(
  session: SessionController,
  done: number,
  first?: number,
  last?: number,
  bootHops = 0,
): string[] {
  const { hops } = session.timeline;
  let range: [number, number] | undefined =
    first !== undefined && last !== undefined ? [first, last] : undefined;
  if (!range) {
    const previous = session.timeline.lastMomentDone(done);
    if (previous) range = [previous.first, previous.last];
  }
  if (!range || range[0] < bootHops) return [];
  const out: string[] = [];
  let more = 0;
  for (let i = range[0]; i <= range[1]; i++) {
    const hop = hops[i];
    if (!hop || !session.isVisible(hop)) continue;
    if (out.length < MAX_LINES)
      out.push(`${hop.id - bootHops}. ${narrate(hop, causeOf(hops, hop))}`);
    else more++;
  }
  if (more > 0) out.push(`… and ${more} more messages at this moment.`);
  return out;
}

/** Returns the hop that caused this one, if it is in the list (ids are dense from 1). */
function causeOf(hops: readonly Hop[], hop: Hop): Hop | undefined {
  return hop.cause === null ? undefined : hops[hop.cause - 1];
}

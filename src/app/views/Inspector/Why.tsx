import { narrate } from '../../narration/narrate';
import type { Hop } from '../../worker/protocol';
import { causalChain } from './why';

/** Lists the chain of hops from the command that started it down to hop `id`. */
export function Why({
  hops,
  id,
  bootHops,
  onSelectHop,
}: {
  hops: readonly Hop[];
  id: number;
  bootHops: number;
  onSelectHop(id: number): void;
}) {
  const chain = causalChain(hops, id);
  if (chain.length === 0) return <p className="quiet">This was here when the cluster booted.</p>;
  const root = chain[0] as Hop;
  return (
    <div className="why">
      <p>
        {root.command ? (
          <>
            It started with <code>{root.command}</code>.
          </>
        ) : (
          <>It started with {root.from}’s own work, not a command.</>
        )}
      </p>
      <ol>
        {chain.map((h) => (
          <li key={h.id}>
            <button className="linklike" onClick={() => onSelectHop(h.id)}>
              {h.id > bootHops ? `${h.id - bootHops}.` : 'boot:'} {narrate(h)}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

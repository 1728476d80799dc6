import type { Hop } from '../../worker/protocol';

/** Returns the chain of hops that led to hop `id`, from the command that started it down to it. */
export function causalChain(hops: readonly Hop[], id: number): Hop[] {
  const chain: Hop[] = [];
  let hop = hops[id - 1];
  // Ids are dense from 1, so a hop's index is id - 1; a guard stops a malformed cycle.
  while (hop && chain.length < 10_000) {
    chain.push(hop);
    hop = hop.cause === null ? undefined : hops[hop.cause - 1];
  }
  return chain.reverse();
}

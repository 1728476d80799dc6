import { useEffect, useState } from 'react';

/** An answer from the engine's worker: not yet, a value, or a problem in words. */
export type QueryState<T> =
  { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; message: string };

/** Asks the worker something whenever `key` changes; stale answers are dropped. */
export function useEngineQuery<T>(ask: () => Promise<T>, key: string): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    ask().then(
      (value) => live && setState({ status: 'done', value }),
      (e: Error) => live && setState({ status: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
    // The key names everything the question depends on.
  }, [key]);
  return state;
}

import { useEffect, useRef, useState } from 'react';

/**
 * Returns value, but changes at most once per `ms` (the latest value always arrives). Views that
 * rebuild from the whole cluster use it so fast playback does not rebuild them every frame.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + ms - performance.now();
    const apply = () => {
      last.current = performance.now();
      setShown(value);
    };
    if (wait <= 0) {
      apply();
      return;
    }
    const timer = setTimeout(apply, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}

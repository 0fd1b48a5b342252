import { useEffect, useState } from 'react';

/** The latest result of an async computation; undefined while it runs; stale results are dropped. */
export function useAsync<T>(run: (() => Promise<T>) | undefined, key: string): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the inputs of `run`
  useEffect(() => {
    if (!run) return;
    let current = true;
    void run().then((value) => {
      if (current) setState({ key, value });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return state?.key === key ? state.value : undefined;
}

import { useEffect, useRef, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

const SHOW_MS = 1500;

/**
 * Copy to the clipboard and say how it went for a moment. The clipboard is absent on plain-http origins
 * and refused without permission or focus: that must read "could not copy", not look like it worked.
 */
export function useCopy(): [CopyState, (text: string) => void] {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = (text: string) => {
    const show = (next: CopyState) => {
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState('idle'), SHOW_MS);
    };
    const write = navigator.clipboard?.writeText?.bind(navigator.clipboard);
    if (!write) return show('failed');
    write(text).then(
      () => show('copied'),
      () => show('failed'),
    );
  };
  return [state, copy];
}

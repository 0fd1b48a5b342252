import { useEffect, useRef, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

const SHOW_MS = 1500;

/**
 * Writes to the clipboard and says whether it worked. The clipboard is absent on plain-http origins and
 * refused without permission or focus: that must read "could not copy", not look like it worked.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  const write = navigator.clipboard?.writeText?.bind(navigator.clipboard);
  if (!write) return false;
  try {
    await write(text);
    return true;
  } catch {
    return false;
  }
}

/** Copy to the clipboard and say how it went for a moment. */
export function useCopy(): [CopyState, (text: string) => void] {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = (text: string) => {
    void copyToClipboard(text).then((copied) => {
      setState(copied ? 'copied' : 'failed');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState('idle'), SHOW_MS);
    });
  };
  return [state, copy];
}

/** Work done in one go before the browser gets to paint and handle input: well under a frame. */
export const WORK_SLICE_MS = 8;

/** Lets the browser paint and handle input before the work goes on: `scheduler.yield` where there is one, else a task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

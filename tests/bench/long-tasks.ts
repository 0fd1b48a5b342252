import type { Page } from 'playwright-core';

/** What `watchLongTasks` records in the page, from its start. */
export interface LongTaskWindow {
  __longTasks: Array<{ start: number; duration: number }>;
  /**
   * Long animation frames (a task and the style, layout and paint after it), over 50 ms only. A long task entry
   * leaves out the rendering, which is most of what a large DOM change costs.
   */
  __longFrames: Array<{ start: number; duration: number }>;
}

/** An init script (sent to the page as source: it uses nothing from this module). */
export function watchLongTasks() {
  const bench = window as unknown as LongTaskWindow;
  bench.__longTasks = [];
  bench.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.__longFrames.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** The longest long task or long animation frame that overlaps `from`–`to` (ms from navigation start); 0 if none. */
export function longest(page: Page, kind: 'task' | 'frame', from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ kind, from, to }) => {
      const bench = window as unknown as LongTaskWindow;
      const entries = kind === 'task' ? bench.__longTasks : bench.__longFrames;
      const overlapping = entries.filter((entry) => entry.start + entry.duration >= from && entry.start <= to);
      return Math.max(0, ...overlapping.map((entry) => entry.duration));
    },
    { kind, from, to },
  );
}

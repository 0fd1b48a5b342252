import type { Browser, Page } from 'playwright-core';
import { SENTINEL } from './answers.ts';
import { benchContext } from './bench-context.ts';
import type { BenchStack } from './bench-stack.ts';
import { type LongTaskWindow, watchLongTasks } from './long-tasks.ts';
import type { Pace, StreamName } from './stream-server.ts';

export interface StreamTiming {
  totalMs: number;
  longestTaskMs: number;
  blockingMs: number;
  /** keydown → the next frame, for a key typed while the stream runs (paced streams only). */
  inputMs: number | undefined;
  /** The console only: Enter → every block of the answer rendered as markdown (none left as plain text). */
  settledMs?: number;
}

interface BenchWindow extends LongTaskWindow {
  __inputs: number[];
  __start: number;
  __done: Promise<number>;
  __settled: Promise<number>;
}

/** Key latency, recorded from the page's start (long tasks by watchLongTasks). */
function observe() {
  const bench = window as unknown as BenchWindow;
  bench.__inputs = [];
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') bench.__start = performance.now();
      else requestAnimationFrame(() => setTimeout(() => bench.__inputs.push(performance.now() - event.timeStamp)));
    },
    { capture: true },
  );
}

/** `end`: the last text shown; long tasks are counted until `until` (by default the same). */
async function summarise(page: Page, end: number, typed: boolean, until = end): Promise<StreamTiming> {
  return page.evaluate(
    ({ end, typed, until }) => {
      const bench = window as unknown as BenchWindow;
      const tasks = bench.__longTasks.filter((task) => task.start + task.duration >= bench.__start && task.start <= until);
      return {
        totalMs: end - bench.__start,
        longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
        blockingMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
        inputMs: typed ? Math.max(0, ...bench.__inputs) : undefined,
      };
    },
    { end, typed, until },
  );
}

/** A key typed in the message box while the stream runs (only a paced stream lasts long enough). */
async function typeWhileStreaming(page: Page, pace: Pace) {
  if (pace !== 'paced') return;
  await page.waitForTimeout(500);
  await page.keyboard.press('x');
}

/** The same stream read with fetch in the same page: bytes in, text decoded, nothing rendered. */
async function bareReader(page: Page, prompt: string, pace: Pace): Promise<StreamTiming> {
  await page.getByRole('textbox', { name: 'Message' }).focus();
  const read = page.evaluate(async (prompt) => {
    const bench = window as unknown as BenchWindow;
    bench.__inputs = [];
    bench.__start = performance.now();
    const response = await fetch('/agent/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ prompt }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    if (!text.includes('END-OF-ANSWER')) throw new Error('the bare reader missed the end of the stream');
    return performance.now();
  }, prompt);
  await typeWhileStreaming(page, pace);
  const end = await read;
  await page.waitForTimeout(100);
  return summarise(page, end, pace === 'paced');
}

/** The console: prompt sent with Enter, until the answer is done and its last text is on screen. */
async function consoleAnswer(page: Page, prompt: string, pace: Pace): Promise<StreamTiming> {
  await page.evaluate((sentinel) => {
    const bench = window as unknown as BenchWindow;
    bench.__inputs = [];
    bench.__done = new Promise((resolve) => {
      const check = () => {
        const answer = [...document.querySelectorAll('article.message.agent')].pop();
        if (answer?.getAttribute('data-status') !== 'done' || !answer.textContent?.includes(sentinel)) return;
        observer.disconnect();
        resolve(performance.now());
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    });
  }, SENTINEL);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(prompt);
  await box.press('Enter');
  await typeWhileStreaming(page, pace);
  const end = await page.evaluate(() => (window as unknown as BenchWindow).__done);
  // Markdown renders a few milliseconds a frame: what was not rendered yet shows as plain text until then.
  const settled = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          const answer = [...document.querySelectorAll('article.message.agent')].pop();
          if (answer?.querySelector('.pending')) requestAnimationFrame(check);
          else resolve(performance.now());
        };
        check();
      }),
  );
  await page.waitForTimeout(100);
  // Long tasks count until the markdown is settled: rendering what is left after the stream is work too.
  const timing = await summarise(page, end, pace === 'paced', Math.max(end, settled));
  return { ...timing, settledMs: settled - (end - timing.totalMs) };
}

/** One fresh page: first the bare reader, then the console, on the same stream. */
export async function streamFigure(browser: Browser, stack: BenchStack, name: StreamName, pace: Pace) {
  const context = await benchContext(browser);
  try {
    await context.addInitScript(watchLongTasks);
    await context.addInitScript(observe);
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // As a user who reads the page before typing: what it loads in idle moments is loaded before either reader.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
    const prompt = `${name} ${pace}`;
    const bare = await bareReader(page, prompt, pace);
    await page.getByRole('textbox', { name: 'Message' }).fill('');
    const inConsole = await consoleAnswer(page, prompt, pace);
    return { bare, console: inConsole };
  } finally {
    await context.close();
  }
}

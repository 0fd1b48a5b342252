import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import type { ChatMessage, Conversation } from '../../src/features/chat/conversation.ts';
import { markdownReport } from './answers.ts';
import { benchContext } from './bench-context.ts';
import type { BenchStack } from './bench-stack.ts';
import { longest, watchLongTasks } from './long-tasks.ts';

/**
 * (e) A long conversation restored from storage (a reload, or the return from the user pool): time to show it,
 * and time to send the next message in it, beside the same console with an empty conversation.
 */
export interface ConversationTiming {
  /** Navigation start → the conversation shown (see `shown` in `probe`), the next frame after it is in the DOM. */
  renderMs: number;
  renderLongestTaskMs: number;
  /**
   * Longest animation frame (a task and the style, layout and paint after it), from Long Animation Frame entries
   * (over 50 ms only; 0 when none). A long task entry leaves out the rendering, which is most of a send's cost.
   */
  renderLongestFrameMs: number;
  /** Navigation start → no answer in the log left as plain text (every message's markdown rendered). */
  settledMs: number;
  settledLongestFrameMs: number;
  /** Click on "Send" (the event's time stamp) → the next frame after the user's message is in the log. */
  sendMs: number;
  sendLongestTaskMs: number;
  sendLongestFrameMs: number;
}

/** chat-storage.ts keeps the conversation under this sessionStorage key (the constant is not exported). */
const CONVERSATION_KEY = 'agent-console.conversation';
const PROMPT = 'One more question about the last report';
const PAIRS = 100;

/** A short answer: a paragraph, a list and inline code, as most answers are. */
function shortAnswer(index: number): string {
  return [
    `Answer ${index}: the run finished with **${index % 4} warnings**; the details are in \`run-${index}.log\`.`,
    '',
    `- slowest step: step ${index % 9}`,
    `- retries: ${index % 3}`,
    '',
    'Ask again with a run number to see its report.',
  ].join('\n');
}

/**
 * 100 questions and 100 answers, all done, in the shape the app saves (conversation.ts, chat-storage.ts).
 * Every fourth answer is a 5–20 KB markdown report with headings, lists, code, tables and quotes; the last answer
 * is one of them (20 KB), so "shown" includes rendering a long answer's tables.
 */
export function longConversation(pairs = PAIRS): Conversation {
  const messages: ChatMessage[] = [];
  const start = Date.now() - pairs * 60_000;
  for (let index = 0; index < pairs; index++) {
    const at = start + index * 60_000;
    const prompt =
      index % 5 === 4
        ? `Question ${index}:\nwhat changed since run ${index - 1}?\nAnd why?`
        : `Question ${index}: how did run ${index} go?`;
    const long = index % 4 === 3;
    const kb = index === pairs - 1 ? 20 : 5 + ((index * 7) % 16);
    const text = long ? markdownReport(kb * 1024) : shortAnswer(index);
    messages.push({ id: `user-${index}`, role: 'user', text: prompt, at });
    messages.push({ id: `agent-${index}`, role: 'agent', at, prompt, status: 'done', answer: { parts: [{ kind: 'text', text }] } });
  }
  return { sessionId: randomUUID(), messages };
}

interface ProbeWindow {
  __shown: Promise<number>;
  __settled: Promise<number>;
  __sent: Promise<{ clicked: number; shown: number }>;
}

/**
 * Runs before the app in the measured page (after watchLongTasks): stores the conversation where the app restores
 * it from, and resolves a promise the next frame after each state below is in the DOM (checked once a frame
 * while the DOM changes):
 * - shown: the log holds every stored message and the last answer is rendered markdown: it has a `.markdown`
 *   element, no `.plain` element in it (neither the plain text shown before the renderer loads nor a piece still
 *   waiting to render) and a `table` (its markdown became HTML). With no messages: the log shows its empty note.
 * - settled: shown, and no `.plain` element left anywhere in the log.
 * - sent: after a click on the submit button, the log holds one more user message, with the prompt's text.
 */
function probe({ key, stored, count, prompt }: { key: string; stored: string; count: number; prompt: string }) {
  sessionStorage.setItem(key, stored);
  const bench = window as unknown as ProbeWindow;
  const log = () => document.querySelector('[role="log"]');
  const shown = () => {
    const element = log();
    const messages = element?.querySelectorAll('article.message') ?? [];
    if (!element || messages.length !== count) return false;
    if (count === 0) return element.querySelector('p.meta') !== null;
    const last = messages[messages.length - 1];
    return last.querySelector('.markdown') !== null && last.querySelector('.plain') === null && last.querySelector('table') !== null;
  };
  const settled = () => shown() && log()?.querySelector('.plain') === null;
  let clicked: number | undefined;
  const sent = () => {
    const users = log()?.querySelectorAll('article.message.user') ?? [];
    return clicked !== undefined && users.length === count / 2 + 1 && users[users.length - 1].textContent === prompt;
  };
  const waits: Array<{ done: () => boolean; resolve: (at: number) => void }> = [];
  // A state not reached in time fails the bench with what the page shows, instead of waiting for ever.
  const state = () =>
    `${log()?.querySelectorAll('article.message').length ?? 'no log:'} messages, ${document.querySelectorAll('.plain').length} plain, ` +
    `"${document.querySelector('.chat-header .meta')?.textContent}" (stored: ${count} messages)`;
  const when = (name: string, done: () => boolean) => {
    const wait = { done, resolve: (_at: number) => {} };
    let fail = (_error: Error) => {};
    const promise = new Promise<number>((resolve, reject) => {
      wait.resolve = resolve;
      fail = reject;
    });
    promise.catch(() => undefined); // read later, by the bench
    waits.push(wait);
    const failAfter = (ms: number) =>
      setTimeout(() => {
        if (waits.includes(wait)) fail(new Error(`${name} not reached in ${ms / 1000} s: ${state()}`));
      }, ms);
    return { promise, failAfter };
  };
  const shownWait = when('shown', shown);
  const settledWait = when('settled', settled);
  const sentWait = when('sent', sent);
  shownWait.failAfter(60_000);
  settledWait.failAfter(60_000);
  bench.__shown = shownWait.promise;
  bench.__settled = settledWait.promise;
  bench.__sent = sentWait.promise.then((shownAt) => ({ clicked: clicked as number, shown: shownAt }));
  document.addEventListener(
    'click',
    (event) => {
      if (!(event.target as Element | null)?.closest?.('button[type="submit"]')) return;
      clicked = event.timeStamp;
      sentWait.failAfter(10_000);
    },
    { capture: true },
  );
  let scheduled = false;
  const check = () => {
    scheduled = false;
    for (const wait of waits.filter((candidate) => candidate.done())) {
      waits.splice(waits.indexOf(wait), 1);
      // In a frame callback: the DOM is what this frame paints; the task after it runs once it is painted.
      setTimeout(() => wait.resolve(performance.now()));
    }
  };
  new MutationObserver(() => {
    if (scheduled || waits.length === 0) return;
    scheduled = true;
    requestAnimationFrame(check);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
}

const MESSAGE_BOX = 'section.chat form.composer textarea';
const SEND_BUTTON = 'section.chat form.composer button[type="submit"]';

async function sameElement(byRole: Locator, byCss: Locator) {
  const [role, css] = [await byRole.elementHandle(), await byCss.elementHandle()];
  if (!role || !(await role.evaluate((element, other) => element === other, css))) throw new Error(`${byCss} is not ${byRole}`);
}

/** One fresh page (a new tab: sessionStorage of its own, the context's HTTP cache) showing `conversation`. */
async function measure(context: BrowserContext, stack: BenchStack, conversation: Conversation): Promise<ConversationTiming> {
  const page = await context.newPage();
  try {
    const stored = JSON.stringify(conversation);
    await page.addInitScript(watchLongTasks);
    await page.addInitScript(probe, { key: CONVERSATION_KEY, stored, count: conversation.messages.length, prompt: PROMPT });
    await page.goto(`${stack.consoleUrl}/`);
    const renderMs = await page.evaluate(() => (window as unknown as ProbeWindow).__shown);
    const settledMs = await page.evaluate(() => (window as unknown as ProbeWindow).__settled);

    // CSS selectors, not roles: Playwright computes accessible names in the page, over 200 messages that is
    // hundreds of milliseconds of the page's main thread. The warm-up checks they name the same elements.
    await page.locator(MESSAGE_BOX).fill(PROMPT);
    await page.locator(SEND_BUTTON).click();
    const sent = await page.evaluate(() => (window as unknown as ProbeWindow).__sent);
    // The stand-in agent answers at once: the answer ends, done, before the page goes (a check, not a figure).
    await page.waitForFunction(
      (count) => {
        const answers = document.querySelectorAll('article.message.agent');
        return answers.length === count && answers[count - 1].getAttribute('data-status') === 'done';
      },
      conversation.messages.length / 2 + 1,
    );
    return {
      renderMs,
      renderLongestTaskMs: await longest(page, 'task', 0, renderMs),
      renderLongestFrameMs: await longest(page, 'frame', 0, renderMs),
      settledMs,
      settledLongestFrameMs: await longest(page, 'frame', 0, settledMs),
      sendMs: sent.shown - sent.clicked,
      sendLongestTaskMs: await longest(page, 'task', sent.clicked, sent.shown),
      sendLongestFrameMs: await longest(page, 'frame', sent.clicked, sent.shown),
    };
  } finally {
    await page.close();
  }
}

/**
 * One run in a fresh context: a first visit puts the console in the cache (a restored conversation comes with a
 * reload or a return from the pool), then the empty conversation and the long one, each in a new page, in turns.
 */
export async function conversationFigure(browser: Browser, stack: BenchStack, conversation: Conversation, run: number) {
  const context = await benchContext(browser);
  try {
    const warmUp = await context.newPage();
    await warmUp.goto(`${stack.consoleUrl}/`);
    await sameElement(warmUp.getByRole('textbox', { name: 'Message' }), warmUp.locator(MESSAGE_BOX));
    await sameElement(warmUp.getByRole('button', { name: 'Send' }), warmUp.locator(SEND_BUTTON));
    await warmUp.close();
    const empty: Conversation = { sessionId: randomUUID(), messages: [] };
    if (run % 2 === 0) {
      const baseline = await measure(context, stack, empty);
      return { baseline, console: await measure(context, stack, conversation) };
    }
    const inConsole = await measure(context, stack, conversation);
    return { baseline: await measure(context, stack, empty), console: inConsole };
  } finally {
    await context.close();
  }
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Conversation } from '../../src/features/chat/conversation.ts';
import { benchContext } from './bench-context.ts';
import type { BenchStack } from './bench-stack.ts';
import { passPool } from './callback-bench.ts';
import { longest, watchLongTasks } from './long-tasks.ts';
import { BENCH_APP, type BenchSession } from './stream-server.ts';

/**
 * (g) An ADK session with a long history, opened from "Conversations": the console fetches its events, folds them
 * into messages with the live reducer and renders them. Beside it, the same console opening a one-question session.
 * Measured from the click on the session's entry (the event's time stamp).
 */
export interface SessionOpenTiming {
  /** Click → the next frame after every message is in the log and the last answer is rendered markdown. */
  shownMs: number;
  shownLongestTaskMs: number;
  shownLongestFrameMs: number;
  /** Click → no answer left as plain text (every message's markdown rendered). */
  settledMs: number;
  settledLongestFrameMs: number;
}

const LONG_SESSION = 'bench-long-session';
const SHORT_SESSION = 'bench-short-session';
const SHORT_PROMPT = 'One quick question';

/**
 * The session a runtime keeps for `conversation`: the user's event, and for every tenth answer a tool call and its
 * result before the answer's final event (with the usage ADK reports), as an agent with tools stores them.
 */
export function sessionOf(id: string, conversation: Conversation): BenchSession {
  const events: unknown[] = [];
  conversation.messages.forEach((message, index) => {
    const timestamp = message.at / 1000;
    const invocationId = `inv-${Math.floor(index / 2)}`;
    if (message.role === 'user') {
      events.push({ id: `e${index}`, invocationId, author: 'user', content: { role: 'user', parts: [{ text: message.text }] }, timestamp });
      return;
    }
    if (index % 20 === 11) {
      const call = { id: `call-${index}`, name: 'get_weather', args: { city: 'Beijing' } };
      events.push({
        id: `e${index}c`,
        invocationId,
        author: BENCH_APP,
        content: { role: 'model', parts: [{ functionCall: call }] },
        timestamp,
      });
      events.push({
        id: `e${index}r`,
        invocationId,
        author: BENCH_APP,
        content: { role: 'user', parts: [{ functionResponse: { id: call.id, name: call.name, response: { result: 'sunny, 21 °C' } } }] },
        timestamp,
      });
    }
    const text = message.answer?.parts.map((part) => (part.kind === 'text' ? part.text : '')).join('') ?? '';
    events.push({
      id: `e${index}`,
      invocationId,
      author: BENCH_APP,
      content: { role: 'model', parts: [{ text }] },
      usageMetadata: {
        promptTokenCount: 1200,
        candidatesTokenCount: Math.ceil(text.length / 4),
        totalTokenCount: 1200 + Math.ceil(text.length / 4),
      },
      timestamp,
    });
  });
  return { id, lastUpdateTime: (conversation.messages.at(-1)?.at ?? Date.now()) / 1000, events };
}

/** The one-question session the long one is compared with. */
function shortSession(): BenchSession {
  const at = Date.now() / 1000 - 60;
  return {
    id: SHORT_SESSION,
    lastUpdateTime: at,
    events: [
      { id: 's1', invocationId: 'inv-s', author: 'user', content: { role: 'user', parts: [{ text: SHORT_PROMPT }] }, timestamp: at },
      {
        id: 's2',
        invocationId: 'inv-s',
        author: BENCH_APP,
        content: { role: 'model', parts: [{ text: 'A **short** answer.' }] },
        timestamp: at,
      },
    ],
  };
}

/**
 * In the page, before the click: resolves with the click's time stamp and the next frame after each state (checked
 * once a frame while the DOM changes). Shown: `count` messages, the last answer rendered markdown (with a table when
 * `table`); settled: shown and no `.plain` left in the log.
 */
function awaitOpen({ count, table }: { count: number; table: boolean }): Promise<{ clicked: number; shown: number; settled: number }> {
  return new Promise((resolve, reject) => {
    const log = () => document.querySelector('[role="log"]');
    const shown = () => {
      const messages = log()?.querySelectorAll('article.message') ?? [];
      if (messages.length !== count) return false;
      const last = messages[messages.length - 1];
      return (
        last.querySelector('.markdown') !== null &&
        last.querySelector('.plain') === null &&
        (!table || last.querySelector('table') !== null)
      );
    };
    let clicked: number | undefined;
    let shownAt: number | undefined;
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element | null)?.closest?.('button.conversation')) clicked ??= event.timeStamp;
      },
      { capture: true },
    );
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not opened in 60 s: ${log()?.querySelectorAll('article.message').length} of ${count} messages`));
    }, 60_000);
    let scheduled = false;
    const check = () => {
      scheduled = false;
      if (shownAt === undefined && shown()) {
        // In a frame callback: the DOM is what this frame paints; the task after it runs once it is painted.
        setTimeout(() => {
          shownAt = performance.now();
        });
      }
      if (shown() && log()?.querySelector('.plain') === null) {
        observer.disconnect();
        clearTimeout(timer);
        setTimeout(() => resolve({ clicked: clicked ?? Number.NaN, shown: shownAt ?? performance.now(), settled: performance.now() }));
      }
    };
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(check);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
}

async function open(page: Page, title: RegExp, count: number, table: boolean): Promise<SessionOpenTiming> {
  const entry = page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: title });
  await entry.waitFor();
  const opened = page.evaluate(awaitOpen, { count, table });
  await entry.click();
  const { clicked, shown, settled } = await opened;
  return {
    shownMs: shown - clicked,
    shownLongestTaskMs: await longest(page, 'task', clicked, shown),
    shownLongestFrameMs: await longest(page, 'frame', clicked, shown),
    settledMs: settled - clicked,
    settledLongestFrameMs: await longest(page, 'frame', clicked, settled),
  };
}

/** A new tab of the signed-in context: the session is restored without a prompt, the list names both sessions. */
async function signedInTab(stack: BenchStack, context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${stack.consoleUrl}/`);
  await page.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor({ timeout: 30_000 });
  return page;
}

/**
 * One run in a fresh context: sign in once, then each session opened in its own new tab (the order alternates
 * between runs), so neither opening pays for unmounting the other.
 */
export async function sessionOpenFigure(browser: Browser, stack: BenchStack, conversation: Conversation, run: number) {
  stack.agentSessions.set(LONG_SESSION, sessionOf(LONG_SESSION, conversation));
  stack.agentSessions.set(SHORT_SESSION, shortSession());
  const context = await benchContext(browser);
  try {
    await context.addInitScript(watchLongTasks);
    const first = await context.newPage();
    await first.goto(`${stack.consoleUrl}/`);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await passPool(first, stack.consoleUrl);
    await first.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor({ timeout: 30_000 });
    await first.close();
    const firstPrompt = conversation.messages[0]?.role === 'user' ? conversation.messages[0].text : '';
    const measure = async (which: 'long' | 'short') => {
      const page = await signedInTab(stack, context);
      try {
        return which === 'long'
          ? await open(page, new RegExp(`^${firstPrompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), conversation.messages.length, true)
          : await open(page, new RegExp(`^${SHORT_PROMPT}`), 2, false);
      } finally {
        await page.close();
      }
    };
    if (run % 2 === 0) {
      const baseline = await measure('short');
      return { baseline, console: await measure('long') };
    }
    const inConsole = await measure('long');
    return { baseline: await measure('short'), console: inConsole };
  } finally {
    await context.close();
    stack.agentSessions.clear();
  }
}

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { ChatMessage, Conversation } from '../../src/features/chat/conversation.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { send } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

/** Where chat-storage.ts keeps the conversation (not exported). */
const CONVERSATION_KEY = 'agent-console.conversation';

/** A markdown report of `sections` sections (about 600 characters each): headings, lists, code, a table. */
function report(sections: number): string {
  return Array.from({ length: sections }, (_, index) =>
    [
      `## ${index + 1}. Run ${index}`,
      '',
      `Compared **variant ${index}** with the baseline: *${index % 7} regressions*, raw data in \`run-${index}.json\`.`,
      '',
      `- latency p50: ${index * 3} ms`,
      `- latency p99: ${index * 11} ms`,
      '',
      '```ts',
      `export const total${index} = (input: number[]) => input.reduce((sum, value) => sum + value * ${index}, 0);`,
      '```',
      '',
      '| metric | before | after |',
      '| --- | ---: | ---: |',
      `| requests | ${index * 100} | ${index * 98} |`,
      `| errors | ${index % 5} | ${index % 3} |`,
      '',
    ].join('\n'),
  ).join('\n');
}

/** `pairs` questions and answers, every fourth answer a long report, the last one the longest. */
function longConversation(pairs: number): Conversation {
  const messages: ChatMessage[] = [];
  const start = Date.now() - pairs * 60_000;
  for (let index = 0; index < pairs; index++) {
    const at = start + index * 60_000;
    const prompt = `Question ${index}: how did run ${index} go?`;
    const text =
      index === pairs - 1
        ? report(30)
        : index % 4 === 3
          ? report(6 + (index % 10))
          : `Run ${index} finished with **${index % 4} warnings**.`;
    messages.push({ id: `user-${index}`, role: 'user', text: prompt, at });
    messages.push({ id: `agent-${index}`, role: 'agent', at, prompt, status: 'done', answer: { parts: [{ kind: 'text', text }] } });
  }
  return { sessionId: crypto.randomUUID(), messages };
}

/** A page that opens on `conversation`, restored from the tab's storage as after a reload. */
async function restoredPage(conversation: Conversation): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(
    ({ key, stored }) => {
      if (sessionStorage.getItem(key) === null) sessionStorage.setItem(key, stored);
    },
    { key: CONVERSATION_KEY, stored: JSON.stringify(conversation) },
  );
  await page.goto(`${stack.consoleUrl}/`);
  const log = page.getByRole('log');
  await expect.poll(() => log.locator('article.message').count()).toBe(conversation.messages.length);
  // Every answer is rendered markdown: none is left as plain text, the log's heights have settled.
  await expect.poll(() => log.locator('.plain, .pending').count(), { timeout: 30_000 }).toBe(0);
  return page;
}

/** Whether the whole of each element is inside the log's visible box (1 px of rounding allowed). */
function inView(page: Page, selectors: string[]): Promise<boolean[]> {
  return page.getByRole('log').evaluate((log, selectors) => {
    const view = log.getBoundingClientRect();
    return selectors.map((selector) => {
      const found = log.querySelectorAll(selector);
      const box = found[found.length - 1]?.getBoundingClientRect();
      return box !== undefined && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
    });
  }, selectors);
}

/** The end of the log is shown: the last message's last line is at the bottom of the log's box. */
function showsItsEnd(page: Page): Promise<boolean> {
  return page.getByRole('log').evaluate((log) => {
    const messages = log.querySelectorAll('article.message');
    const last = messages[messages.length - 1]?.getBoundingClientRect();
    const view = log.getBoundingClientRect();
    return (
      last !== undefined &&
      last.bottom > view.top &&
      last.bottom <= view.bottom + 1 &&
      log.scrollHeight - log.scrollTop - log.clientHeight < 2
    );
  });
}

describe('a long conversation restored from the tab (a reload, the return from sign-in)', () => {
  it('opens at its end, and stays there once every answer is rendered', async () => {
    const page = await restoredPage(longConversation(60));
    await expect.poll(() => showsItsEnd(page)).toBe(true);
  });

  it('sending the next message shows it, and the answer to it, at the bottom of the log', async () => {
    const page = await restoredPage(longConversation(60));
    await send(page, 'One more question about the last report');
    await expect.poll(() => page.getByRole('log').locator('article.message').count()).toBe(122);
    // Signed out, the agent answers 401: the question and that answer are both in view, at the end of the log.
    await expect.poll(() => page.getByRole('log').locator('article.message.agent').last().getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => inView(page, ['article.message.user', 'article.message.agent'])).toEqual([true, true]);
    await expect.poll(() => showsItsEnd(page)).toBe(true);
    expect(await page.getByRole('log').locator('article.message.user').last().textContent()).toBe(
      'One more question about the last report',
    );
  });
});

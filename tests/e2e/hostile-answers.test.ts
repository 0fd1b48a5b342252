import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { answerWhenSettled, lastAnswer, messageBox, send, signIn } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
/** A big answer on two shared cores, markdown rendered over many frames. */
const BIG = { timeout: 60_000 };

/** Errors the page threw, and chat parts replaced by their error boundary: both must stay empty. */
function watchCrashes(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const boundaries = (page: Page) => page.locator('[data-boundary], [data-status="unshown"]').count();

/** An answer each shape is built to break the console with, and what must show of it once it survived. */
const SHAPES = [
  {
    name: 'a tool call whose arguments nest 6,000 levels deep',
    prompt: '/deep-args',
    shows: async (answer: ReturnType<typeof lastAnswer>) => {
      await expect.poll(() => answer.getByText('Called deep_tool').count()).toBe(1);
      expect(await answer.textContent()).toContain('The tool took arguments nested 6000 levels deep.');
      expect(await answer.locator('.tool-line pre').textContent()).toContain('[…deeper levels left out]');
    },
  },
  {
    name: 'one paragraph of 80,000 unclosed emphasis marks',
    prompt: '/emphasis',
    shows: async (answer: ReturnType<typeof lastAnswer>) => {
      expect(await answer.textContent()).toContain('The end of the unclosed emphasis.');
      expect(await answer.locator('.markdown-note').first().textContent()).toMatch(/^Shown as plain text/);
      expect(await answer.locator('em').count()).toBe(0);
    },
  },
  {
    name: '20,000 tool calls in one stream',
    prompt: '/tools',
    shows: async (answer: ReturnType<typeof lastAnswer>) => {
      expect(await answer.textContent()).toContain('Made 20000 tool calls.');
      expect(await answer.locator('.tool-line').count()).toBe(200);
      expect(await answer.getByText('…and 19800 more tool calls').count()).toBe(1);
    },
  },
  {
    name: 'a line of 20,000 nested quotes',
    prompt: '/quotes',
    shows: async (answer: ReturnType<typeof lastAnswer>) => {
      expect(await answer.textContent()).toContain('The end of the nested quotes.');
      expect(await answer.locator('.markdown-note').first().textContent()).toContain('nested deeper than 32 levels');
      expect(await answer.locator('blockquote').count()).toBe(0);
    },
  },
];

describe('an answer built to crash or freeze the console', () => {
  it.each(SHAPES)('survives $name: it shows, the next message works, and so does a reload', async ({ prompt, shows }) => {
    const page = await (await browser.newContext()).newPage();
    const errors = watchCrashes(page);
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => messageBox(page).isEnabled()).toBe(true);

    await send(page, prompt);
    await answerWhenSettled(page, BIG.timeout);
    await shows(lastAnswer(page));
    expect(await boundaries(page)).toBe(0);

    // The chat still works: the next message gets its answer.
    await send(page, 'still here?');
    expect(await answerWhenSettled(page)).toContain('still here?');

    // The conversation was saved with the hostile answer in it: the reload shows it again, and chatting goes on.
    await page.reload();
    await expect.poll(() => page.getByRole('log').locator('article.message.agent').count(), BIG).toBe(2);
    await expect.poll(() => messageBox(page).isEnabled(), BIG).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count(), BIG).toBe(1);
    await shows(page.getByRole('log').locator('article.message.agent').first());
    await send(page, 'and after a reload?');
    expect(await answerWhenSettled(page)).toContain('and after a reload?');
    expect(await boundaries(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

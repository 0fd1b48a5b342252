import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { answerWhenSettled, lastAnswer, messageBox, send, signIn } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const SLOW = { timeout: 30_000 };

/** A fresh browser signed in to `url` as `user`. */
async function signedInPage(url: string, user = { username: 'alice', password: 'alice-password' }) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/`);
  await signIn(page, url, user);
  await expect.poll(() => messageBox(page).isEnabled(), SLOW).toBe(true);
  return page;
}

const list = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const titles = (page: Page) => list(page).getByRole('listitem').locator('.conversation-title').allTextContents();

describe('conversations kept by an ADK runtime', () => {
  it('lists, reopens, continues and deletes them; another user sees none of it', async () => {
    const word = `pelican-${Date.now()}`;
    const first = `Remember the word ${word}`;
    const second = `A second conversation about tea ${Date.now()}`;
    const page = await signedInPage(stack.adk.consoleUrl);
    await list(page).waitFor();

    await send(page, first);
    await answerWhenSettled(page);
    await send(page, 'what did I say first?');
    expect(await answerWhenSettled(page)).toContain(word);

    await page.getByRole('button', { name: 'New conversation' }).click();
    await send(page, second);
    await answerWhenSettled(page);
    await expect.poll(() => titles(page), SLOW).toEqual(expect.arrayContaining([first, second]));

    // Survives a reload: the list comes from the runtime, newest first.
    await page.reload();
    await expect.poll(() => titles(page), SLOW).toEqual(expect.arrayContaining([second, first]));
    const shown = await titles(page);
    expect(shown.indexOf(second)).toBeLessThan(shown.indexOf(first));

    // Reopened: its messages render from the session's events, and sending continues it (the agent recalls).
    await list(page)
      .getByRole('button', { name: new RegExp(first) })
      .click();
    const log = page.getByRole('log');
    await expect.poll(() => log.locator('article.message').count(), SLOW).toBe(4);
    expect(await log.locator('article.message.user').first().textContent()).toBe(first);
    expect(await log.locator('article.message.agent').last().textContent()).toContain(word);
    await send(page, 'what did I say first?');
    expect(await answerWhenSettled(page)).toContain(word);
    // Its events are there to inspect.
    const events = lastAnswer(page).getByRole('button', { name: /^Events \(\d+\)$/ });
    await events.click();
    await lastAnswer(page).getByRole('table', { name: 'Raw events of this answer' }).waitFor();
    // The runtime's model reports its usage: the inspector sums it.
    expect(
      await lastAnswer(page)
        .getByText(/^Tokens used: \d+ prompt, \d+ output, \d+ in all\.$/)
        .count(),
    ).toBe(1);

    // Deleted on the runtime, after a confirmation naming it.
    await list(page)
      .getByRole('button', { name: new RegExp(second) })
      .click();
    await expect.poll(() => page.getByRole('log').locator('article.message.user').first().textContent(), SLOW).toBe(second);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Delete conversation' }).click();
    expect(asked).toEqual([expect.stringContaining(second)]);
    await expect.poll(() => titles(page), SLOW).not.toContain(second);
    await page.reload();
    await expect.poll(() => titles(page), SLOW).toContain(first);
    expect(await titles(page)).not.toContain(second);
    await page.context().close();

    // Bob signs in: none of Alice's conversations.
    const bob = await signedInPage(stack.adk.consoleUrl, { username: 'bob', password: 'bob-password' });
    await list(bob).waitFor();
    await expect.poll(() => list(bob).textContent(), SLOW).toContain('No conversations on the runtime yet');
    expect((await list(bob).textContent()) ?? '').not.toContain(word);
    await bob.context().close();
  });

  it("the local agent's scripted prompts answer through /run_sse too", async () => {
    const page = await signedInPage(stack.adk.consoleUrl);
    await send(page, '/help');
    expect(await answerWhenSettled(page)).toContain('Local agent commands');
    await page.context().close();
  });

  it('an /invoke-only agent chats as before, with no list and no error about one', async () => {
    const page = await signedInPage(stack.consoleUrl);
    await send(page, 'hello there');
    expect(await answerWhenSettled(page)).toContain('hello there');
    expect(await page.getByRole('navigation', { name: 'Conversations' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { answerWhenSettled, captureTokens, messageBox, send, signIn } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const SLOW = { timeout: 30_000 };

const list = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const titles = (page: Page) => list(page).locator('.conversation-title').allTextContents();
const sessionLabel = (page: Page) => page.locator('.chat-header .meta').first().textContent();

/** Everything the console's origin keeps in IndexedDB, as text. */
function indexedDbText(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    const dumps: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        dumps.push(JSON.stringify(all));
      }
      db.close();
    }
    return dumps.join('\n');
  });
}

describe('conversations remembered on this device (an /invoke-only runtime)', () => {
  it('are kept only once asked, listed after a reload, reopened with their session_id, and forgotten', async () => {
    const context = await browser.newContext();
    const tokens = captureTokens(context);
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => messageBox(page).isEnabled(), SLOW).toBe(true);
    const remember = page.getByRole('checkbox', { name: 'Remember conversations on this device' });
    await remember.waitFor(SLOW);
    expect(await remember.isChecked()).toBe(false);
    expect(await list(page).count()).toBe(0);

    const first = `A question to remember ${Date.now()}`;
    await send(page, first);
    await answerWhenSettled(page);
    const firstSession = await sessionLabel(page);
    await remember.check();
    await expect.poll(() => titles(page), SLOW).toEqual([first]);

    await page.getByRole('button', { name: 'New conversation' }).click();
    const second = `Another one ${Date.now()}`;
    await send(page, second);
    await answerWhenSettled(page);
    await expect.poll(() => titles(page), SLOW).toEqual([second, first]);

    await page.reload();
    await expect.poll(() => titles(page), SLOW).toEqual([second, first]);
    await list(page)
      .getByRole('button', { name: new RegExp(`^${first}`) })
      .click();
    await expect.poll(() => page.getByRole('log').locator('article.message.user').first().textContent(), SLOW).toBe(first);
    // Continuing it reuses its session_id.
    expect(await sessionLabel(page)).toBe(firstSession);

    const stored = await indexedDbText(page);
    expect(stored).toContain(first);
    for (const token of tokens) expect(stored).not.toContain(token);

    await list(page)
      .getByRole('button', { name: `Forget “${second}”` })
      .click();
    await expect.poll(() => titles(page), SLOW).toEqual([first]);
    await list(page).getByRole('button', { name: 'Forget all on this device' }).click();
    await expect.poll(() => list(page).count(), SLOW).toBe(0);
    expect(await remember.isChecked()).toBe(false);
    expect(await indexedDbText(page)).not.toContain(first);
    await context.close();
  });

  it('are forgotten when their user signs out, if the user asked for that', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => messageBox(page).isEnabled(), SLOW).toBe(true);
    await page.getByRole('checkbox', { name: 'Remember conversations on this device' }).check();
    await page.getByRole('checkbox', { name: 'Forget them on this device when I sign out' }).check();
    const words = `Forget me on sign-out ${Date.now()}`;
    await send(page, words);
    await answerWhenSettled(page);
    await expect.poll(() => indexedDbText(page), SLOW).toContain(words);

    await page.getByRole('button', { name: 'Sign out' }).click();
    // Read once the tab is back on the console from the pool's logout page (the pool's origin has its own storage).
    const onConsoleSignedOut = async () =>
      new URL(page.url()).origin === stack.consoleUrl && (await page.getByRole('button', { name: 'Sign in' }).count()) === 1;
    await expect
      .poll(async () => [await onConsoleSignedOut(), (await indexedDbText(page).catch(() => words)).includes(words)], SLOW)
      .toEqual([true, false]);
    await context.close();
  });
});

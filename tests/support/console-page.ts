import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';

/** From the console: "Sign in", the pool's hosted login (and consent when asked), back to the console. */
export async function signIn(page: Page, consoleUrl: string, user = { username: 'alice', password: 'alice-password' }) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('button', { name: 'Allow access' });
  await Promise.race([consent.waitFor(), page.waitForURL(`${consoleUrl}/**`)]);
  if (new URL(page.url()).origin !== consoleUrl) await consent.click();
  await page.waitForURL(`${consoleUrl}/**`);
}

export function authStatus(page: Page) {
  return page.locator('.auth-status').textContent();
}

/**
 * A browser context of its own, signed in to the console at `consoleUrl` as `user` (one of the local pool's accounts,
 * whose password is `<user>-password`), its page showing "Signed in as <user>". Each test takes one, so none relies on
 * a page an earlier test signed in; close the context when done. `watch` sees the context before the first request
 * (to capture its tokens or add an init script, say; awaited); `path` is where sign-in starts and returns to.
 */
export async function signedInPage(
  browser: Pick<Browser, 'newContext'>,
  consoleUrl: string,
  user = 'alice',
  options: { context?: BrowserContextOptions; watch?: (context: BrowserContext) => unknown; path?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options.context);
  try {
    await options.watch?.(context);
    const page = await context.newPage();
    await page.goto(`${consoleUrl}${options.path ?? '/'}`);
    await signIn(page, consoleUrl, { username: user, password: `${user}-password` });
    await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe(`Signed in as ${user}`);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** `signedInPage` as alice, then on the token debugger (reached through the header's link, as a user does). */
export async function signedInDebugger(
  browser: Pick<Browser, 'newContext'>,
  consoleUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const signedIn = await signedInPage(browser, consoleUrl);
  await signedIn.page.getByRole('link', { name: 'Debugger' }).click();
  await signedIn.page.getByRole('heading', { name: 'Token debugger' }).waitFor();
  return signedIn;
}

/** The value cell of a claim in the "Token claims" table. */
export function claim(page: Page, name: string) {
  return page.getByRole('table', { name: 'Token claims', exact: true }).locator(`tr[data-claim="${name}"] td`).textContent();
}

/** A time claim of the "Token claims" table, as the ISO instant it stands for. */
export function claimTime(page: Page, name: string) {
  return page.getByRole('table', { name: 'Token claims', exact: true }).locator(`tr[data-claim="${name}"] time`).getAttribute('datetime');
}

/** Every token the pool's token endpoint hands this browser context, as they arrive. */
export function captureTokens(context: BrowserContext): Set<string> {
  const tokens = new Set<string>();
  context.on('response', async (response) => {
    if (!response.url().endsWith('/oauth/token') || response.request().method() !== 'POST') return;
    try {
      const body = (await response.json()) as Record<string, unknown>;
      for (const key of ['access_token', 'id_token', 'refresh_token']) {
        if (typeof body[key] === 'string') tokens.add(body[key] as string);
      }
    } catch {
      // an error answer has no tokens
    }
  });
  return tokens;
}

/** Everything the console's origin keeps in the browser: Web Storage, cookies and IndexedDB. */
export async function storedEverywhere(page: Page): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const dump = (storage: Storage) => Object.entries(storage).map(([key, value]) => `${key}=${value}`);
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return [...dump(localStorage), ...dump(sessionStorage), document.cookie, ...databases.map((db) => db.name ?? '')].join('\n');
  });
  const cookies = await page.context().cookies(page.url());
  return `${inPage}\n${cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('\n')}`;
}

export function expectNoTokenIn(stored: string, tokens: Set<string>) {
  const leaked = [...tokens].filter((token) => stored.includes(token) || stored.includes(token.split('.')[2] ?? token));
  if (leaked.length > 0) throw new Error(`${leaked.length} token(s) found in browser storage`);
  if (tokens.size === 0) throw new Error('no tokens were captured: the check would prove nothing');
}

export const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' });
export const lastAnswer = (page: Page) => page.getByRole('log').locator('article.message.agent').last();

/** Types the prompt into "Message" and sends it with Enter, as a user does. */
export async function send(page: Page, prompt: string) {
  await messageBox(page).fill(prompt);
  await messageBox(page).press('Enter');
}

/**
 * The last answer's text once it has ended and its markdown is rendered (it shows as plain text until then:
 * all of it until the renderer loads, then what later frames have not rendered yet).
 */
export async function answerWhenSettled(page: Page, timeout = 30_000) {
  await expect.poll(() => lastAnswer(page).getAttribute('aria-busy'), { timeout }).toBe('false');
  await expect.poll(() => lastAnswer(page).locator('.markdown.plain, .markdown-block.pending').count()).toBe(0);
  return (await lastAnswer(page).textContent()) ?? '';
}

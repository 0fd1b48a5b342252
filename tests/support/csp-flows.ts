import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { authStatus, claimTime } from './console-page.ts';

/** The policy the page enforces from its <meta>, as Chromium parsed the document. */
export function metaPolicy(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null);
}

/** Sends `/stream <text>` and waits for the whole streamed answer. */
export async function chatStreams(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(`/stream ${text}`);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const answer = page.getByRole('log').locator('article.message.agent').last();
  await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
  expect((await answer.textContent())?.match(new RegExp(`You said: “${text}”`, 'g'))).toHaveLength(1);
}

/** Opens the debugger, checks the user's own access token against the pool's keys (fetched by the page). */
export async function debuggerVerifies(page: Page) {
  await page.getByRole('link', { name: 'Debugger' }).click();
  await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
  await page.getByRole('button', { name: 'Use my access token' }).click();
  await expect.poll(() => page.getByTestId('signature-result').textContent(), { timeout: 15_000 }).toMatch(/^Signature verified/);
  await expect.poll(() => page.locator('.verdict').textContent()).toBe('Accepted');
  await page.getByRole('link', { name: 'Console' }).click();
}

/** Waits for a silent renewal of a short-lived token: the shown `exp` moves on, still signed in. */
export async function renewsSilently(page: Page) {
  const firstExp = Date.parse((await claimTime(page, 'exp')) ?? '');
  await expect
    .poll(async () => Date.parse((await claimTime(page, 'exp')) ?? ''), { timeout: 20_000, interval: 250 })
    .toBeGreaterThan(firstExp);
  expect(await authStatus(page)).toMatch(/^Signed in as alice/);
}

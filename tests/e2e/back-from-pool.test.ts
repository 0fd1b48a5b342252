/**
 * A user who presses "Sign in" and then goes back from the pool's page without signing in: browsers show the
 * console again from their back/forward cache, with its script state as it was when it left ("Signing in…").
 * Playwright turns that cache off by default; this file's Chromium has it on.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authStatus } from '../support/console-page.ts';

const stack = inject('stack');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: stack.chromePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('back from the pool without signing in', () => {
  it('shows "Sign in" again, not "Signing in…" for ever, and keeps the typed prompt', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.consoleUrl}/`);
      await expect.poll(() => authStatus(page)).toBe('Signed out');
      await page.getByRole('textbox', { name: 'Message' }).fill('kept while away');
      await page.evaluate(() => {
        (window as { leftAt?: number }).leftAt = 1;
      });
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${stack.issuer}/**`);
      await page.getByLabel('Username').waitFor();
      await page.goBack({ waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      // The same document, from the cache: what the script held is still there.
      expect(await page.evaluate(() => (window as { leftAt?: number }).leftAt)).toBe(1);
      await expect.poll(() => authStatus(page)).toBe('Signed out');
      expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('kept while away');
    } finally {
      await context.close();
    }
  });
});

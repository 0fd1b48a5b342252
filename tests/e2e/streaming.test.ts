import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { lastAnswer, messageBox, signedInPage } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const SLOW = { timeout: 30_000, interval: 100 };

describe('a long answer streaming', () => {
  let page: Page;
  // Each test has a tab of its own, signed in as alice.
  beforeEach(async () => {
    ({ page } = await signedInPage(browser, stack.consoleUrl));
  });
  afterEach(() => page.context().close());

  it('keeps the settled blocks in place: text selected there stays selected while the rest arrives', async () => {
    await messageBox(page).fill('/report 40 30');
    await messageBox(page).press('Enter');
    const heading = lastAnswer(page).getByRole('heading', { name: 'Section 1: findings' });
    await heading.waitFor({ timeout: 30_000 });
    await expect.poll(() => lastAnswer(page).getByRole('heading', { level: 2 }).count(), SLOW).toBeGreaterThan(2);
    expect(await lastAnswer(page).getAttribute('aria-busy')).toBe('true');
    await heading.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      (window as unknown as { selectedHeading: Element }).selectedHeading = element;
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    const headings = await lastAnswer(page).getByRole('heading', { level: 2 }).count();
    await expect.poll(() => lastAnswer(page).getByRole('heading', { level: 2 }).count(), SLOW).toBeGreaterThan(headings + 2);
    const kept = await page.evaluate(() => {
      const element = (window as unknown as { selectedHeading: Element }).selectedHeading;
      return { connected: element.isConnected, selection: window.getSelection()?.toString() };
    });
    expect(kept).toEqual({ connected: true, selection: 'Section 1: findings' });
    await expect.poll(() => lastAnswer(page).getAttribute('aria-busy'), SLOW).toBe('false');
    // The whole report rendered as markdown: a table and code blocks, and the text once.
    expect(await lastAnswer(page).locator('table').count()).toBeGreaterThan(5);
    expect(await lastAnswer(page).getByRole('heading', { name: 'Section 1: findings' }).count()).toBe(1);
  });

  it('goes on streaming while the debugger is open; back in the console, one call runs at a time', async () => {
    await messageBox(page).fill('/slow');
    await messageBox(page).press('Enter');
    await expect.poll(() => lastAnswer(page).textContent(), SLOW).toContain('tick tick');
    await page.getByRole('link', { name: 'Debugger' }).click();
    await page.getByRole('textbox', { name: 'Token' }).waitFor();
    await page.getByRole('link', { name: 'Console' }).click();
    expect(await lastAnswer(page).getAttribute('data-status')).toBe('streaming');
    const length = ((await lastAnswer(page).textContent()) ?? '').length;
    await expect.poll(async () => ((await lastAnswer(page).textContent()) ?? '').length, SLOW).toBeGreaterThan(length);
    // Still running: Stop, not Send, and a second prompt cannot start.
    await messageBox(page).fill('a second prompt');
    await messageBox(page).press('Enter');
    expect(await page.getByRole('log').locator('article.message.user').last().textContent()).toBe('/slow');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => lastAnswer(page).getAttribute('data-status'), SLOW).toBe('stopped');
    expect(await messageBox(page).inputValue()).toBe('a second prompt');
  });
});

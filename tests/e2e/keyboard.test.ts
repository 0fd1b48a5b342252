import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { lastAnswer } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

/** The focused element as a user would name it: its label, aria-label or text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', tag: 'body', id: '', outline: 'none' };
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent;
    const name = (element.getAttribute('aria-label') ?? labelled ?? element.textContent ?? '').trim();
    return { name, tag: element.localName, id: element.id, outline: getComputedStyle(element).outlineStyle };
  });
}

/** Tab (or Shift+Tab) until the control named `name` has focus, and check that the focus is visible. */
async function tabTo(page: Page, name: string, direction: 'forward' | 'backward' = 'forward') {
  const key = direction === 'forward' ? 'Tab' : 'Shift+Tab';
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now.name === name) {
      expect(now.outline, `the focus on "${name}" is visible`).not.toBe('none');
      return;
    }
  }
  throw new Error(`"${name}" is not reachable with ${key}`);
}

describe('the keyboard alone', () => {
  it('signs in, sends, stops, copies code, uses the debugger, copies the YAML and signs out', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.consoleUrl });
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await page.locator('.auth-status', { hasText: 'Signed out' }).waitFor();

    // Sign in: the pool's page focuses the username field.
    await tabTo(page, 'Sign in');
    await page.keyboard.press('Enter');
    await page.getByLabel('Username').waitFor();
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('alice-password');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Allow access' }).waitFor();
    await tabTo(page, 'Allow access');
    await page.keyboard.press('Enter');
    await page.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor();
    // After sign-in the message box has focus: ready to type.
    await expect.poll(async () => (await focused(page)).id).toBe('chat-message');

    // Send, then copy the code block of the answer.
    await page.keyboard.type('/help');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect((await focused(page)).id).toBe('chat-message');
    await tabTo(page, 'Copy code', 'backward');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl "\$AGENT_ENDPOINT\/invoke"/);

    // Send a slow answer and stop it: focus comes back to the message box.
    await tabTo(page, 'Message');
    await page.keyboard.type('/slow');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastAnswer(page).textContent(), { timeout: 30_000 }).toContain('tick tick');
    await tabTo(page, 'Stop');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('stopped');
    await expect.poll(async () => (await focused(page)).id).toBe('chat-message');

    // Open the debugger: focus moves to the new page, whose first stops are its own.
    await tabTo(page, 'Debugger', 'backward');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });
    await tabTo(page, 'Use my access token');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.verdict').textContent(), { timeout: 30_000 }).toBe('Accepted');
    await tabTo(page, 'Copy');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('runtime_auth_type: custom_jwt');

    await tabTo(page, 'Sign out', 'backward');
    await page.keyboard.press('Enter');
    await page.locator('.auth-status', { hasText: 'Signed out' }).waitFor({ timeout: 15_000 });
  });
});

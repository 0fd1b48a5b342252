import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { answerWhenSettled, lastAnswer, send, signedInPage } from '../support/console-page.ts';
import { type OwnSite, startOwnSite } from '../support/own-site.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

afterEach(() => {
  resetConfigJson(stack.distDir);
});

/** The polite status beside the log that says each finished answer. */
const announcer = (page: Page) => page.locator('[role="log"] + [role="status"]');

const LANGUAGES = ['en', 'zh-CN'] as const;

/** axe finds nothing in the light and the dark theme (the browser's preference; the switcher is "System"). */
async function expectAccessibleInBothThemes(page: Page) {
  const language = await page.evaluate(() => document.documentElement.lang);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect({ language, colorScheme, violations: await axeViolations(page) }).toEqual({ language, colorScheme, violations: [] });
  }
  await page.emulateMedia({ colorScheme: null });
}

async function switchLanguage(page: Page, language: (typeof LANGUAGES)[number]) {
  await page.getByRole('combobox', { name: /^(Language|语言)$/ }).selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
  // The texts change together once the language's catalogue has loaded: the header speaks it then.
  await page.getByRole('combobox', { name: language === 'en' ? 'Theme' : '主题' }).waitFor();
}

/** ... in both themes and both languages (the header's language control); back to English after. */
async function expectAccessibleEverywhere(page: Page) {
  for (const language of LANGUAGES) {
    await switchLanguage(page, language);
    await expectAccessibleInBothThemes(page);
  }
  await switchLanguage(page, 'en');
}

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body.parentElement as Element).backgroundColor);
const LIGHT_BG = 'rgb(244, 246, 250)';
const DARK_BG = 'rgb(15, 20, 28)';

describe('axe finds no WCAG 2.1 A/AA violation, light and dark, English and Chinese', () => {
  it('signed out, and on the setup screen', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await page.locator('.auth-status', { hasText: 'Signed out' }).waitFor();
    // axe checks what is on the page: the workspace and the call log are chunks of their own, after the header.
    await page.getByRole('log').waitFor();
    await page.getByText('No calls yet.').waitFor();
    await expectAccessibleEverywhere(page);

    // The setup screen has no header: its language is the browser's.
    setConfigJson(stack.distDir, '{ "OAUTH2_ISSUER_URI": ');
    await page.reload();
    await page.getByRole('heading', { name: 'Set up Agent Console' }).waitFor();
    await expectAccessibleInBothThemes(page);
    const chinese = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await chinese.goto(`${stack.consoleUrl}/`);
    await chinese.getByRole('heading', { name: '配置 Agent Console' }).waitFor();
    await expectAccessibleInBothThemes(chinese);
  });

  describe('signed in', () => {
    let page: Page;
    // A pool and agent of its own: the stack's agent may remember a /docs consent given by another test file.
    let site: OwnSite;
    beforeAll(async () => {
      site = await startOwnSite(stack);
    });
    afterAll(() => site.close());
    // Each test has a tab of its own, signed in as alice.
    beforeEach(async () => {
      ({ page } = await signedInPage(browser, site.consoleUrl));
      // The token panel and the call log are chunks of their own: axe checks them once they show.
      await page.getByRole('table', { name: 'Token claims', exact: true }).waitFor();
      await page.getByText('No calls yet.').waitFor();
    });
    afterEach(() => page.context().close());

    it('with a streamed answer and a tool call, and with a failed answer', async () => {
      await send(page, '/weather Shanghai');
      await answerWhenSettled(page);
      expect(await lastAnswer(page).locator('details.tool-line').count()).toBe(2);
      await expectAccessibleEverywhere(page);
      await send(page, '/fail');
      await answerWhenSettled(page);
      expect(await lastAnswer(page).getAttribute('data-status')).toBe('error');
      await expectAccessibleEverywhere(page);
    });

    it('with an authorization card waiting for consent', async () => {
      await send(page, '/docs Plan');
      await lastAnswer(page).getByRole('button', { name: 'Authorize' }).waitFor();
      await expectAccessibleEverywhere(page);
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('stopped');
    });

    it('the debugger with a verdict', async () => {
      await page.getByRole('link', { name: 'Debugger' }).click();
      await page.getByRole('button', { name: 'Use my access token' }).click();
      await expect.poll(() => page.locator('.verdict').textContent(), { timeout: 30_000 }).toBe('Accepted');
      await expectAccessibleEverywhere(page);
    });
  });
});

describe('themes', () => {
  it('follows the browser, and a choice in the header is remembered and applied before the app renders', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    // What <html> says the moment the entry module has run, before config.json is read and React renders.
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { themeAtStart?: string }).themeAtStart = document.documentElement.dataset.theme ?? 'system';
      });
    });
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    const theme = page.getByRole('combobox', { name: 'Theme' });
    expect(await theme.inputValue()).toBe('system');
    expect(await backgroundOf(page)).toBe(DARK_BG);

    await theme.selectOption({ label: 'Light' });
    expect(await backgroundOf(page)).toBe(LIGHT_BG);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtStart?: string }).themeAtStart)).toBe('light');
    expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('light');
    expect(await backgroundOf(page)).toBe(LIGHT_BG);
    // A preference, and the only thing the theme keeps.
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'agent-console.theme': 'light' });

    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'System' });
    expect(await backgroundOf(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});
  });

  it('the local user pool’s pages are dark in a dark browser', async () => {
    const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(16, 20, 27)');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('screen readers and motion', () => {
  let page: Page;
  // Each test has a tab of its own, signed in as alice.
  beforeEach(async () => {
    ({ page } = await signedInPage(browser, stack.consoleUrl));
  });
  afterEach(() => page.context().close());

  it('hear a streamed answer once when it ends, not each delta', async () => {
    expect(await page.getByRole('log').getAttribute('aria-live')).toBe('off');
    await announcer(page).evaluate((status) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => {
        if (status.textContent) heard.push(status.textContent);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await send(page, '/stream a progressive answer');
    await answerWhenSettled(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.length)).toBe(1);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard[0]).toMatch(/^Test Agent answered: .*You said: “a progressive answer”/);

    await send(page, '/fail');
    await answerWhenSettled(page);
    await expect.poll(() => announcer(page).textContent()).toMatch(/^Test Agent failed: The agent failed \(500 RuntimeError\)/);
  });

  it('hear the verdict: its status region is on the page before the verdict arrives', async () => {
    await page.getByRole('link', { name: 'Debugger' }).click();
    await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
    const region = page.locator('section[aria-labelledby="verdict-title"] > [role="status"]');
    expect(await region.count()).toBe(1);
    expect(await region.textContent()).toBe('');
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(() => region.textContent(), { timeout: 30_000 }).toBe('Accepted');
    await page.getByRole('link', { name: 'Console' }).click();
  });

  it('a waiting answer pulses, unless reduced motion is asked for', async () => {
    const waitingNote = () => lastAnswer(page).locator('.meta').first();
    const animation = () => waitingNote().evaluate((element) => getComputedStyle(element).animationName);
    for (const [reducedMotion, expected] of [
      ['no-preference', 'chat-pulse'],
      ['reduce', 'none'],
    ] as const) {
      await page.emulateMedia({ reducedMotion });
      // An error body that never ends keeps the answer waiting until Stop.
      await send(page, '/hang-error');
      await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('waiting');
      expect(await animation()).toBe(expected);
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => lastAnswer(page).getAttribute('data-status')).not.toBe('waiting');
    }
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import {
  answerWhenSettled,
  authStatus,
  captureTokens,
  expectNoTokenIn,
  lastAnswer,
  send,
  signIn,
  storedEverywhere,
} from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

/** The built catalogue chunks are named after their module (zh-CN-<hash>.js, debugger-zh-CN-<hash>.js). */
const CHINESE_CHUNK = /\/assets\/[^/]*zh-CN[^/]*\.js$/;

function watchScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  return scripts;
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The pool's hosted login, in whichever language it speaks, then consent when it asks. */
async function signInThroughPool(page: Page, names: { username: string; password: string; signIn: string; allow: string }) {
  await page.getByLabel(names.username).fill('alice');
  await page.getByLabel(names.password).fill('alice-password');
  await page.getByRole('button', { name: names.signIn, exact: true }).click();
  const consent = page.getByRole('button', { name: names.allow, exact: true });
  await Promise.race([consent.waitFor(), page.waitForURL(`${stack.consoleUrl}/**`)]);
  if (new URL(page.url()).origin !== stack.consoleUrl) await consent.click();
  await page.waitForURL(`${stack.consoleUrl}/**`);
}

describe('a browser that prefers Chinese', () => {
  let context: BrowserContext;
  let page: Page;
  let scripts: string[];
  let tokens: Set<string>;

  // Each test has a Chinese browser of its own.
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
    tokens = captureTokens(context);
    page = await context.newPage();
    scripts = watchScripts(page);
  });

  afterEach(async () => {
    await context.close();
  });

  /** The console on its first load, in Chinese, then signed in through the pool's Chinese pages. */
  async function signInInChinese() {
    await page.goto(stack.consoleUrl);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await signInThroughPool(page, { username: '用户名', password: '密码', signIn: '登录', allow: '授权' });
    await expect.poll(() => authStatus(page)).toBe('已登录：alice');
  }

  it('gets a Chinese console on the first load, with the Chinese texts fetched', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    await expect.poll(() => authStatus(page)).toBe('未登录');
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh-CN');
    expect(scripts.filter((url) => CHINESE_CHUNK.test(url))).toHaveLength(1);
  });

  it('signs in through the local pool, whose pages are in Chinese too', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByLabel('用户名').waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    await signInThroughPool(page, { username: '用户名', password: '密码', signIn: '登录', allow: '授权' });
    await expect.poll(() => authStatus(page)).toBe('已登录：alice');
    // Relative times come from Intl in Chinese: "(9小时59分钟后)".
    const exp = page.getByRole('table', { name: '令牌声明', exact: true }).locator('tr[data-claim="exp"] td');
    expect(await exp.textContent()).toMatch(/\(9小时59分钟后\)/);
  });

  it('asks the local agent in Chinese: /help answers in Chinese', async () => {
    await signInInChinese();
    await page.getByRole('textbox', { name: '消息' }).fill('/help');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('log').getByText('本地智能体命令').waitFor();
    await page.getByRole('log').getByRole('button', { name: '复制代码' }).waitFor();
  });

  it('switches to English and back without a reload, keeping the draft and the conversation', async () => {
    // A Chinese conversation: /help, answered in Chinese with a code block.
    await signInInChinese();
    await page.getByRole('textbox', { name: '消息' }).fill('/help');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('log').getByRole('button', { name: '复制代码' }).waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole('textbox', { name: '消息' }).fill('半句草稿 a draft');
    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await authStatus(page)).toBe('Signed in as alice');
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('半句草稿 a draft');
    expect(await page.getByRole('log').getByText('本地智能体命令').count()).toBe(1);
    // The rendered answer follows too: its code block's copy button is labelled in the new language.
    await page.getByRole('log').getByRole('button', { name: 'Copy code' }).waitFor();
    expect(await page.getByRole('log').getByRole('button', { name: '复制代码' }).count()).toBe(0);
    const exp = page.getByRole('table', { name: 'Token claims', exact: true }).locator('tr[data-claim="exp"] td');
    expect(await exp.textContent()).toMatch(/\(in 9 hr 5\d min\)/);

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '中文' });
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    expect(await page.getByRole('textbox', { name: '消息' }).inputValue()).toBe('半句草稿 a draft');
    await page.getByRole('log').getByRole('button', { name: '复制代码' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('shows the debugger in Chinese, claim explanations and verdict included, and switches it too', async () => {
    await signInInChinese();
    await page.getByRole('link', { name: '调试器' }).click();
    await page.getByRole('heading', { name: '令牌调试器' }).waitFor();
    await page.getByRole('button', { name: '使用我的访问令牌' }).click();
    await page.getByRole('status').filter({ hasText: '接受' }).waitFor();
    expect(await page.getByRole('table', { name: '运行时检查' }).locator('tr[data-check="iss"]').textContent()).toContain(
      `与发现文档的 issuer ${stack.issuer} 一致`,
    );
    expect(
      await page.getByRole('table', { name: '声明', exact: true }).locator('tr', { hasText: 'client_id' }).first().textContent(),
    ).toContain('custom_jwt 会对照 runtime_jwt_allowed_clients 检查它');
    expect(scripts.filter((url) => /debugger-zh-CN/.test(url))).toHaveLength(1);
    // The sign-in flow, redaction notes included, is worded in Chinese too; protocol names stay as they are.
    const flow = (await page.getByRole('region', { name: '登录流程' }).textContent()) ?? '';
    expect(flow).toMatch(/code.{4}…（\d+ 个字符，已隐去）/);
    expect(flow).toContain('令牌响应（authorization_code + PKCE）');
    expect(flow).not.toContain('redacted');

    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();
    expect(await page.getByRole('table', { name: 'Runtime checks' }).locator('tr[data-check="iss"]').textContent()).toContain(
      `equals the discovery issuer ${stack.issuer}`,
    );
  });

  it('remembers the choice across a reload, as a preference only (no token stored)', async () => {
    // Signed in in Chinese, the user chooses English.
    await signInInChinese();
    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.reload();
    await page.getByRole('combobox', { name: 'Language' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('agent-console.language'))).toBe('en');
    expectNoTokenIn(await storedEverywhere(page), tokens);
  });
});

describe('a Chinese browser whose user chose English', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
    await context.addInitScript(() => localStorage.setItem('agent-console.language', 'en'));
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it("gets the console and the pool's sign-in page in English (ui_locales), though the browser asks for Chinese", async () => {
    await page.goto(stack.consoleUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Username').waitFor();
    expect(await htmlLang(page)).toBe('en');
    await signInThroughPool(page, { username: 'Username', password: 'Password', signIn: 'Sign in', allow: 'Allow access' });
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
  });
});

describe('a browser that prefers English', () => {
  let context: BrowserContext;
  let page: Page;
  let scripts: string[];

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
    scripts = watchScripts(page);
  });

  afterAll(async () => {
    await context.close();
  });

  it('gets an English console and never fetches the Chinese texts', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => authStatus(page)).toBe('Signed out');
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    await page.getByRole('link', { name: 'Debugger' }).click();
    await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
    expect(scripts.filter((url) => CHINESE_CHUNK.test(url))).toEqual([]);
  });
});

describe('messages already in the conversation when the language switches', () => {
  it('follow the switch: status notes, failures, tool lines and consent cards, without a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(stack.consoleUrl);
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    const log = page.getByRole('log');

    await send(page, '/weather london');
    await answerWhenSettled(page);
    await send(page, '/auth-uri');
    await answerWhenSettled(page);
    await send(page, '/fail');
    await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('error');
    await send(page, '/slow');
    await lastAnswer(page).getByText('tick').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    await log.getByText('Stopped: the answer above is partial.').waitFor();
    const englishTexts = ['Called get_weather', 'Result of get_weather', 'Authorization required', 'Not authorized: the answer ended'];
    for (const english of [...englishTexts, 'The agent failed (500 RuntimeError)']) {
      expect(await log.textContent(), english).toContain(english);
    }

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '中文' });
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    for (const chinese of [
      '已停止：上面的回答不完整。',
      '调用了 get_weather',
      'get_weather 的结果',
      '需要授权',
      '未授权：智能体在获得您的同意之前',
      '智能体出错（500 RuntimeError）',
    ]) {
      await log.getByText(chinese).first().waitFor();
    }
    const text = (await log.textContent()) ?? '';
    for (const english of [...englishTexts, 'Stopped: the answer', 'The agent failed']) {
      expect(text).not.toContain(english);
    }
    await context.close();
  });
});

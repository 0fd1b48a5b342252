import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { run, type Spawned, waitForUrl } from '../support/processes.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let page: Page;
let pageErrors: string[];

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// Each test has a tab of its own, whose script errors are its own.
beforeEach(async () => {
  const errors: string[] = [];
  pageErrors = errors;
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => errors.push(error.message));
});
afterEach(async () => {
  resetConfigJson(stack.distDir);
  await page.context().close();
});

describe('the console, built and served statically', () => {
  it('loads with the configured agent name and no script errors', async () => {
    await page.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => page.locator('header').textContent()).toContain('Agent: Test Agent');
    expect(await page.title()).toBe('Agent Console');
    expect(pageErrors).toEqual([]);
  });

  it('never bundles OAUTH2_CLIENT_SECRET, and the build warns that it was ignored', () => {
    const files = builtFiles(stack.distDir);
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    expect(texts.some((text) => text.includes(stack.issuer))).toBe(true); // the public configuration is there
    expect(texts.filter((text) => text.includes(stack.clientSecretSentinel))).toEqual([]);
    expect(stack.buildLog).toContain('OAUTH2_CLIENT_SECRET is set but ignored');
  });

  it('keeps jose (debugger) and the markdown renderer out of the first page', async () => {
    const index = readFileSync(join(stack.distDir, 'index.html'), 'utf8');
    const entry = /src="\/(assets\/[^"]+\.js)"/.exec(index)?.[1] ?? '';
    const first = readFileSync(join(stack.distDir, entry), 'utf8');
    const others = builtFiles(join(stack.distDir, 'assets'))
      .filter((file) => file.endsWith('.js') && !file.endsWith(entry.split('/')[1]))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const marker of ['signature verification failed', 'DOMPurify']) {
      expect(first.includes(marker), `${marker} in the entry chunk`).toBe(false);
      expect(others.includes(marker), `${marker} in a lazy chunk`).toBe(true);
    }
  });

  it('forwards the same-origin agent path to the agent (no CORS needed)', async () => {
    const response = await fetch(`${stack.consoleUrl}/agent/ping`);
    expect(await response.json()).toEqual({ status: 'pong!' });
  });

  it('lets config.json beside index.html override the build-time values', async () => {
    setConfigJson(stack.distDir, { AGENT_NAME: 'Runtime Agent' });
    await page.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => page.locator('header').textContent()).toContain('Agent: Runtime Agent');
  });

  it('shows a setup screen naming each invalid key instead of a blank page', async () => {
    setConfigJson(stack.distDir, { OAUTH2_ISSUER_URI: 'http://pool.example.com', OAUTH2_CLIENT_ID: '', AGENT_ENDPOINT: 'agent' });
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('heading', { name: 'Set up Agent Console' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('OAUTH2_ISSUER_URI must use https');
    expect(text).toContain('OAUTH2_CLIENT_ID is missing');
    expect(text).toContain('AGENT_ENDPOINT must be an absolute http(s) URL or a path');
  });

  it('refuses an agent path that leads to another host and a redirect URI on the debugger page', async () => {
    setConfigJson(stack.distDir, { AGENT_ENDPOINT: '/\t/evil.example', OAUTH2_REDIRECT_URI: `${stack.consoleUrl}/debugger` });
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('heading', { name: 'Set up Agent Console' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('AGENT_ENDPOINT contains a control character (tab, line break, …) or a backslash, got "/\\t/evil.example"');
    expect(text).toContain('uses the path /debugger');
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
  });

  it('explains a config.json that is not JSON', async () => {
    setConfigJson(stack.distDir, '{ "OAUTH2_CLIENT_ID": ');
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('heading', { name: 'Set up Agent Console' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('config.json is not valid JSON');
  });
});

describe('a redeploy removed a lazy chunk while the console was open', () => {
  // The nginx example's origin is registered with the main pool and idle outside nginx.test.ts (files run one
  // at a time), so an old build can be served there and signed in to like the real console.
  const siteUrl = stack.nginxUrl;
  let preview: Spawned | undefined;

  beforeAll(async () => {
    const oldBuild = mkdtempSync(join(tmpdir(), 'agent-console-redeployed-'));
    cpSync(stack.distDir, oldBuild, { recursive: true });
    resetConfigJson(oldBuild);
    const debuggerChunks = readdirSync(join(oldBuild, 'assets')).filter((name) => /^debugger-page-.*\.js$/.test(name));
    expect(debuggerChunks).toHaveLength(1);
    rmSync(join(oldBuild, 'assets', debuggerChunks[0]));
    const env = {
      ...process.env,
      CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')),
      CONSOLE_PORT: new URL(siteUrl).port,
      AGENT_ENDPOINT: '/agent',
      AGENT_PROXY_TARGET: stack.agentUrl,
    };
    preview = run(process.execPath, [join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--outDir', oldBuild], env);
    await waitForUrl(`${siteUrl}/`, preview);
  });
  afterAll(async () => {
    await preview?.stop();
  });

  it('says a new version was deployed and offers Reload, while the header keeps the session', async () => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${siteUrl}/`);
    await signIn(tab, siteUrl);
    await expect.poll(() => authStatus(tab)).toBe('Signed in as alice');

    await tab.getByRole('link', { name: 'Debugger' }).click();
    const failure = tab.getByRole('alert').filter({ hasText: 'new version' });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('The debugger could not be loaded: a new version of the console was deployed.');
    expect(await authStatus(tab)).toBe('Signed in as alice');
    expect(await tab.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    // Back to the console: the tokens in memory are still there, no sign-in needed.
    await tab.getByRole('link', { name: 'Console' }).click();
    await tab.getByRole('table', { name: 'Token claims', exact: true }).waitFor();

    await tab.getByRole('link', { name: 'Debugger' }).click();
    await Promise.all([tab.waitForEvent('load'), failure.getByRole('button', { name: 'Reload' }).click()]);
    await tab.getByRole('alert').filter({ hasText: 'new version' }).waitFor();
  });
});

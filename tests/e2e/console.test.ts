import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let page: Page;
const pageErrors: string[] = [];

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterEach(() => {
  resetConfigJson(stack.distDir);
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

  it('explains a config.json that is not JSON', async () => {
    setConfigJson(stack.distDir, '{ "OAUTH2_CLIENT_ID": ');
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('heading', { name: 'Set up Agent Console' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('config.json is not valid JSON');
  });
});

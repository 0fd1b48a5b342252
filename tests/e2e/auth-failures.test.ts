import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { freePort } from '../support/processes.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeEach(async () => {
  pageErrors.length = 0;
  context = await browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterEach(async () => {
  await context.close();
  resetConfigJson(stack.distDir);
});

async function expectFailureShown(text: string | RegExp) {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(text);
  expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  expect(new URL(page.url()).searchParams.get('code')).toBeNull();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('agent-console.oidc.')))).toEqual([]);
  expect(pageErrors).toEqual([]);
}

describe('sign-in failures say what happened and keep "Sign in"', () => {
  it('a callback without state', async () => {
    await page.goto(`${stack.consoleUrl}/callback?code=forged-code`);
    await expectFailureShown(/has no "state"/);
  });

  it('a callback with a state this tab never issued (forged)', async () => {
    await page.goto(`${stack.consoleUrl}/callback?code=forged-code&state=forged-state`);
    await expectFailureShown(/does not match a sign-in started in this tab/);
  });

  it('a code used twice (the callback opened again)', async () => {
    let callbackUrl = '';
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('/callback?')) callbackUrl = frame.url();
    });
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    expect(callbackUrl).toContain('code=');
    await page.goto(callbackUrl);
    await expectFailureShown(/already used/);
  });

  it('error=access_denied when the user denies consent at the pool', async () => {
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill('bob');
    await page.getByLabel('Password').fill('bob-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(`${stack.consoleUrl}/**`);
    await expectFailureShown(/Access was denied at the user pool: The user denied access\./);
  });

  it('a user pool that cannot be reached', async () => {
    const closedPort = await freePort();
    setConfigJson(stack.distDir, { OAUTH2_ISSUER_URI: `http://127.0.0.1:${closedPort}` });
    await page.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => authStatus(page)).toBe('Signed out');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectFailureShown(`Could not reach the user pool at http://127.0.0.1:${closedPort}/.well-known/openid-configuration`);
  });

  it('a token endpoint that refuses this origin (CORS)', async () => {
    await page.goto(`${stack.otherOriginUrl}/`);
    await signIn(page, stack.otherOriginUrl);
    await expectFailureShown(`Add ${stack.otherOriginUrl} to the client's allowed web origins`);
  });

  it('a device clock far behind the pool, making the ID token look issued in the future', async () => {
    await page.clock.setFixedTime(Date.now() - 2 * 3600_000);
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await expectFailureShown(/clock is about 120 min behind the user pool/);
    expect(await page.getByRole('table', { name: 'Token claims' }).count()).toBe(0);
  });
});

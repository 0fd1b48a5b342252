import { decodeJwt } from 'jose';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import {
  authStatus,
  captureTokens,
  claim,
  claimTime,
  expectNoTokenIn,
  signedInPage,
  signIn,
  storedEverywhere,
} from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

describe('signing in with PKCE, staying signed in, signing out', () => {
  let context: BrowserContext | undefined;
  let tokens: Set<string>;
  let consoleMessages: string[];

  /** Every test's context: the tokens the pool hands it and what its pages write to the console are kept. */
  function watch(watched: BrowserContext) {
    context = watched;
    tokens = captureTokens(watched);
    consoleMessages = [];
    watched.on('console', (message) => consoleMessages.push(message.text()));
  }

  /** A tab of a fresh context, signed in as alice. */
  async function signedInTab(): Promise<Page> {
    return (await signedInPage(browser, stack.consoleUrl, 'alice', { watch })).page;
  }

  afterEach(async () => {
    try {
      // Tokens never reach the browser console either.
      expect(tokens.size).toBeGreaterThan(0);
      for (const token of tokens) expect(consoleMessages.filter((message) => message.includes(token))).toEqual([]);
    } finally {
      await context?.close();
      context = undefined;
    }
  });

  it('signs in through the pool and shows the access token claims without extra clicks', async () => {
    const page = await (await browser.newContext()).newPage();
    watch(page.context());
    await page.goto(`${stack.consoleUrl}/?from=test`);
    await expect.poll(() => authStatus(page)).toBe('Signed out');
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    expect(await claim(page, 'iss')).toBe(stack.issuer);
    expect(await claim(page, 'client_id')).toBe(stack.clientId);
    const access = [...tokens]
      .filter((token) => token.split('.').length === 3)
      .map((token) => decodeJwt(token))
      .find((claims) => claims.client_id);
    expect(await claim(page, 'sub')).toBe(access?.sub);
    expect(await claim(page, 'exp')).toMatch(/\(in 9 hr 59 min/);
    // back where sign-in started, with code and state gone from the address bar
    expect(page.url()).toBe(`${stack.consoleUrl}/?from=test`);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('agent-console.oidc.')))).toEqual([]);
    expectNoTokenIn(await storedEverywhere(page), tokens);
  });

  it('shows the ID token claims on the second tab and keeps the raw token behind a reveal', async () => {
    const page = await signedInTab();
    expect(await page.locator('.token-text').count()).toBe(0);
    await page.getByRole('button', { name: 'Reveal token' }).click();
    const raw = await page.locator('.token-text').textContent();
    expect(tokens.has(raw ?? '')).toBe(true);
    await page.getByRole('tab', { name: 'ID token' }).click();
    const idClaims = page.getByRole('table', { name: 'ID token claims' });
    expect(await idClaims.locator('tr[data-claim="preferred_username"] td').textContent()).toBe('alice');
    expect(await idClaims.locator('tr[data-claim="nonce"]').count()).toBe(1);
    await page.getByRole('tab', { name: 'Access token' }).click();
  });

  it('is still signed in after a reload, without a password', async () => {
    const page = await signedInTab();
    await page.reload();
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    expect(new URL(page.url()).origin).toBe(stack.consoleUrl);
    expectNoTokenIn(await storedEverywhere(page), tokens);
  });

  it('signs out, revokes the refresh token, ends the pool session, and signs out the other tabs', async () => {
    const page = await signedInTab();
    const otherTab = await page.context().newPage();
    await otherTab.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => authStatus(otherTab)).toBe('Signed in as alice');
    const refreshTokens = [...tokens].filter((token) => token.split('.').length === 1);
    expect(refreshTokens.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.consoleUrl}/`);
    await expect.poll(() => authStatus(page)).toBe('Signed out');
    await expect.poll(() => authStatus(otherTab)).toBe('Signed out');
    expect(await page.getByRole('table', { name: 'Token claims' }).count()).toBe(0);

    const refresh = await fetch(`${stack.issuer}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: stack.clientId, refresh_token: refreshTokens.at(-1)! }),
    });
    expect((await refresh.json()).error).toBe('invalid_grant');
    expectNoTokenIn(await storedEverywhere(page), tokens);

    // The pool session ended too: a fresh tab is not silently signed back in.
    const freshTab = await page.context().newPage();
    await freshTab.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => authStatus(freshTab)).toBe('Signed out');
  });
});

describe('renewing short-lived tokens without user action', () => {
  for (const [name, site] of [
    ['with the refresh token', stack.short],
    ['with the prompt=none iframe when the pool issues no refresh token', stack.iframeOnly],
  ] as const) {
    it(`renews ${name} before expiry and shows the new exp`, async () => {
      const context = await browser.newContext();
      const tokens = captureTokens(context);
      let tokenRequests = 0;
      context.on('request', (request) => {
        if (request.url().endsWith('/oauth/token') && request.method() === 'POST') tokenRequests += 1;
      });
      const page = await context.newPage();
      await page.goto(`${site.consoleUrl}/`);
      await signIn(page, site.consoleUrl);
      await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
      const firstExp = Date.parse((await claimTime(page, 'exp')) ?? '');
      const firstIat = Date.parse((await claimTime(page, 'iat')) ?? '');
      expect(firstExp - firstIat).toBe(15_000);
      await expect
        .poll(async () => Date.parse((await claimTime(page, 'exp')) ?? ''), { timeout: 20_000, interval: 250 })
        .toBeGreaterThan(firstExp);
      // renewed ahead of expiry (half the 15 s lifetime), once: no renewal storm. The pool issued the new token
      // (its iat) before the first one expired, however late this test saw it.
      expect(Date.parse((await claimTime(page, 'iat')) ?? '')).toBeLessThan(firstExp);
      expect(tokenRequests).toBe(2);
      expect(await authStatus(page)).toMatch(/^Signed in as alice/);
      expectNoTokenIn(await storedEverywhere(page), tokens);
      await context.close();
    });
  }
});

describe('a renewal the pool refuses', () => {
  it('shows "Session expired" with "Sign in" once the pool session is gone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.iframeOnly.consoleUrl}/`);
    await signIn(page, stack.iframeOnly.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    // Without a refresh token the renewal rides on the pool session cookie; dropping it ends the session.
    await context.clearCookies();
    await expect.poll(() => authStatus(page), { timeout: 20_000, interval: 250 }).toBe('Session expired');
    expect(await page.getByRole('alert').textContent()).toContain('Your session expired and could not be renewed.');
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Token claims' }).count()).toBe(0);
    await context.close();
  });
});

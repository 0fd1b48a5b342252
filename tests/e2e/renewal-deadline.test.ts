import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { type OwnSite, startOwnSite } from '../support/own-site.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

const isRefresh = (request: Request) =>
  request.url().endsWith('/oauth/token') && request.method() === 'POST' && (request.postData() ?? '').includes('grant_type=refresh_token');
const isRevocation = (request: Request) => request.url().endsWith('/oauth/revoke');
/** The notice under the header that says a renewal failed while the token in hand still works. */
const renewalNotice = (page: Page) => page.locator('.renewal-trouble').textContent({ timeout: 1_000 });

let context: BrowserContext | undefined;
afterEach(async () => {
  // Bounded: a context whose page still waits on a hung pool once took the hook's whole 180 s to close on a
  // loaded machine; what the test asserts is done by then.
  const closing = context?.close();
  context = undefined;
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 15_000))]);
});

describe('a refresh the pool accepts and never answers', () => {
  let site: OwnSite;
  // 100 s tokens: renewed at 50 s; the refresh hangs until 60 s, is tried again at 65 s and 85 s (5 s, then 10 s
  // after a failure), the last one failing at 95 s with no try left before the token expires at 100 s.
  beforeAll(async () => {
    site = await startOwnSite(stack, { accessTokenTtl: 100 });
  });
  afterAll(() => site.close());

  it('ends in the named failure within the 10 s deadline, is retried 5 s then 10 s later, and "Session expired" shows at expiry', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const refreshes: number[] = [];
    page.on('request', (request) => {
      if (isRefresh(request)) refreshes.push(refreshes.length);
    });
    // The page's clock: real time until sign-in is done, then the test moves it. The pool hangs for real.
    await page.clock.install();
    await page.goto(`${site.consoleUrl}/`);
    await signIn(page, site.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    // React reveals the lazy panels on a timer: let them show before the clock stops.
    await page.getByRole('table', { name: 'Token claims' }).waitFor();
    await page.clock.pauseAt(Date.now() + 1_000);
    site.pool.faults.hang.add('token');
    try {
      // Up to the renewal in small steps, so the test knows when it started (give or take the request event's lag).
      for (let step = 0; step < 1_000 && refreshes.length === 0; step++) await page.clock.runFor(200);
      expect(refreshes).toHaveLength(1);
      await expect.poll(() => authStatus(page)).toBe('Signed in as alice · renewing…');

      // The deadline: 10 s after the refresh left, the user is told, and stays signed in with the token in hand.
      await page.clock.runFor(10_000);
      await expect.poll(() => renewalNotice(page)).toContain('The user pool did not answer within 10 s');
      expect(await renewalNotice(page)).toContain('Trying again in 5 s');
      expect(await authStatus(page)).toBe('Signed in as alice');
      expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

      // Back-off: the next try 5 s after the failure, the one after that 10 s after the next failure.
      await page.clock.runFor(3_000);
      expect(refreshes).toHaveLength(1);
      await page.clock.runFor(2_000);
      await expect.poll(() => refreshes.length).toBe(2);
      await page.clock.runFor(10_000);
      await expect.poll(() => renewalNotice(page)).toContain('Trying again in 10 s');
      await page.clock.runFor(8_000);
      expect(refreshes).toHaveLength(2);
      await page.clock.runFor(2_000);
      await expect.poll(() => refreshes.length).toBe(3);

      // The third try fails at 95 s; the next would come after expiry, so the notice says until when.
      await page.clock.runFor(10_000);
      await expect.poll(() => renewalNotice(page)).toMatch(/You stay signed in until \d\d:\d\d:\d\d; sign in again then/);
      expect(await authStatus(page)).toBe('Signed in as alice');

      // The token expires at 100 s: the header says so, with why and "Sign in".
      await page.clock.runFor(6_000);
      await expect.poll(() => authStatus(page)).toBe('Session expired');
      expect(await page.getByRole('alert').textContent()).toContain('The user pool did not answer within 10 s');
      expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      expect(await page.getByRole('table', { name: 'Token claims' }).count()).toBe(0);
      expect(refreshes).toHaveLength(3);
    } finally {
      site.pool.faults.hang.delete('token');
    }
  });
});

describe('sign-out reaches tabs that were loading', () => {
  let site: OwnSite;
  beforeAll(async () => {
    site = await startOwnSite(stack);
  });
  afterAll(() => site.close());
  afterEach(() => {
    site.pool.faults.hang.clear();
  });

  it('a tab opened while the sign-out is on its way to the pool stays signed out; "Sign in" there works, and tabs after that restore', async () => {
    context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${site.consoleUrl}/`);
    await signIn(first, site.consoleUrl);
    await expect.poll(() => authStatus(first)).toBe('Signed in as alice');

    // The pool takes its time: revocation and logout never answer, so its session (and grant) outlive the click.
    site.pool.faults.hang.add('revocation');
    site.pool.faults.hang.add('logout');
    await first.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => authStatus(first)).toBe('Signed out');

    const loading = await context.newPage();
    await loading.goto(`${site.consoleUrl}/`);
    await expect.poll(() => authStatus(loading)).toBe('Signed out');
    expect(await loading.getByRole('table', { name: 'Token claims' }).count()).toBe(0);

    // A deliberate "Sign in" in that tab: the pool session is still there, so no password is asked.
    await loading.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => authStatus(loading)).toBe('Signed in as alice');

    const afterwards = await context.newPage();
    await afterwards.goto(`${site.consoleUrl}/`);
    await expect.poll(() => authStatus(afterwards)).toBe('Signed in as alice');
  });

  it('a tab that receives the sign-out revokes the tokens it held', async () => {
    context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${site.consoleUrl}/`);
    await signIn(first, site.consoleUrl);
    await expect.poll(() => authStatus(first)).toBe('Signed in as alice');
    const second = await context.newPage();
    await second.goto(`${site.consoleUrl}/`);
    await expect.poll(() => authStatus(second)).toBe('Signed in as alice');

    const revokedBySecond = second.waitForRequest(isRevocation);
    await first.getByRole('button', { name: 'Sign out' }).click();
    await revokedBySecond;
    await expect.poll(() => authStatus(second)).toBe('Signed out');
  });
});

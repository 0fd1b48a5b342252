import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { authStatus, lastAnswer, messageBox, signIn } from '../support/console-page.ts';
import { type OwnSite, startOwnSite } from '../support/own-site.ts';

const stack = inject('stack');
/** Two cores shared by a pool, an agent, a preview server and Chromium: give each step room. */
const SLOW = { timeout: 15_000, interval: 100 };
const browser = chromiumForFile(stack.chromePath);

const isTokenPost = (request: Request) => request.url().endsWith('/oauth/token') && request.method() === 'POST';
const isRefresh = (request: Request) => isTokenPost(request) && (request.postData() ?? '').includes('grant_type=refresh_token');
const isRevocation = (request: Request) => request.url().endsWith('/oauth/revoke');
const sessionLabel = (page: Page) => page.locator('.chat-header .meta').textContent();
/** The session_id the tab saved with its conversation (sessionStorage); undefined before the first save. */
const savedSessionId = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('agent-console.conversation') ?? 'null') as { sessionId?: string } | null)?.sessionId,
  );
/** The Web Locks this tab's document holds: a live tab holds "agent-console.session.<its session_id>". */
const heldLocks = (page: Page) =>
  page.evaluate(() => {
    // A lock of its own names this document's client among those the origin's tabs hold.
    const probe = `test-probe-${crypto.randomUUID()}`;
    return navigator.locks.request(probe, async () => {
      const { held = [] } = await navigator.locks.query();
      const self = held.find((lock) => lock.name === probe)?.clientId;
      return held.filter((lock) => lock.clientId === self && lock.name !== probe).map((lock) => lock.name ?? '');
    });
  });

/**
 * Resolves once the tab, having left for the pool's logout page, is back on the console and loaded. Set up before
 * the click on "Sign out": the console says "Signed out" before it leaves, and its address is the one it comes back
 * to, so neither tells that the round trip through the pool is over.
 */
function backFromPoolLogout(page: Page, consoleUrl: string) {
  let left = false;
  return page
    .waitForEvent('framenavigated', {
      predicate: (frame) => {
        if (frame !== page.mainFrame()) return false;
        const onConsole = frame.url().startsWith(`${consoleUrl}/`);
        if (!onConsole) left = true;
        return left && onConsole;
      },
      timeout: 30_000,
    })
    .then(() => page.waitForLoadState());
}

describe('sign-out wins over a renewal in flight', () => {
  let site: OwnSite;
  beforeAll(async () => {
    site = await startOwnSite(stack, { accessTokenTtl: 15 });
  });
  afterAll(() => site.close());

  it('a renewal answered after another tab signed out never signs this tab back in, and its tokens are revoked', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${site.consoleUrl}/`);
    await signIn(first, site.consoleUrl);
    await expect.poll(() => authStatus(first), SLOW).toBe('Signed in as alice');
    const second = await context.newPage();
    await second.goto(`${site.consoleUrl}/`);
    await expect.poll(() => authStatus(second), SLOW).toBe('Signed in as alice');

    // The pool mints the renewed tokens at once but holds its answer for 3 s: the renewal is in flight.
    site.pool.faults.slowTokenMs = 3_000;
    const renewalSent = first.waitForRequest(isRefresh, { timeout: 20_000 });
    await renewalSent;
    const renewalAnswered = first.waitForResponse((response) => isRefresh(response.request()), { timeout: 20_000 });
    const discardedRevoked = first.waitForRequest(isRevocation, { timeout: 20_000 });
    await second.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => authStatus(first), SLOW).toBe('Signed out');

    await renewalAnswered;
    await discardedRevoked;
    expect(await authStatus(first)).toBe('Signed out');
    expect(await first.getByRole('table', { name: 'Token claims' }).count()).toBe(0);
    site.pool.faults.slowTokenMs = 0;
    await context.close();
  });
});

describe('a user pool that hangs', () => {
  let site: OwnSite;
  beforeAll(async () => {
    site = await startOwnSite(stack);
  });
  afterAll(() => site.close());

  it('start-up ends in "Signed out" and "Sign in" names the 10 s deadline, never an endless "Starting…"', async () => {
    site.pool.faults.hang.add('discovery');
    const page = await (await browser.newContext()).newPage();
    try {
      await page.goto(`${site.consoleUrl}/`);
      await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe('Signed out');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe('Sign-in failed');
      expect(await page.getByRole('alert').textContent()).toContain('The user pool did not answer within 10 s');
      expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    } finally {
      site.pool.faults.hang.delete('discovery');
      await page.context().close();
    }
  });

  it('a token endpoint that never answers the callback gives a named failure', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.consoleUrl}/`);
    site.pool.faults.hang.add('token');
    try {
      await signIn(page, site.consoleUrl);
      await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe('Sign-in failed');
      expect(await page.getByRole('alert').textContent()).toContain('The user pool did not answer within 10 s');
    } finally {
      site.pool.faults.hang.delete('token');
      await page.context().close();
    }
  });

  it('sign-out with a revocation endpoint that never answers still goes on to the pool logout', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.consoleUrl}/`);
    await signIn(page, site.consoleUrl);
    await expect.poll(() => authStatus(page), SLOW).toBe('Signed in as alice');
    site.pool.faults.hang.add('revocation');
    const events: string[] = [];
    page.on('requestfailed', (request) => {
      if (isRevocation(request)) events.push('revocation failed');
    });
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url().startsWith(`${site.pool.issuer}/logout`)) events.push('left for the pool logout');
    });
    try {
      const revocationSent = page.waitForRequest(isRevocation);
      const leftForLogout = page.waitForRequest(
        (request) => request.isNavigationRequest() && request.url().startsWith(`${site.pool.issuer}/logout`),
        { timeout: 30_000 },
      );
      const back = backFromPoolLogout(page, site.consoleUrl);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await revocationSent;
      await leftForLogout;
      await back;
      await expect.poll(() => authStatus(page), SLOW).toBe('Signed out');
      // The console did not wait for the pool's answer (it never came): it left while the request was open.
      expect(events[0]).toBe('left for the pool logout');
    } finally {
      site.pool.faults.hang.delete('revocation');
      await page.context().close();
    }
  });
});

describe('a 30-day access token', () => {
  let site: OwnSite;
  beforeAll(async () => {
    site = await startOwnSite(stack, { accessTokenTtl: 30 * 86_400 });
  });
  afterAll(() => site.close());

  it('is not renewed in a loop after sign-in', async () => {
    const page = await (await browser.newContext()).newPage();
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (isRefresh(request)) refreshes.push(request.url());
    });
    await page.goto(`${site.consoleUrl}/`);
    await signIn(page, site.consoleUrl);
    await expect.poll(() => authStatus(page), SLOW).toBe('Signed in as alice');
    expect(await page.getByRole('table', { name: 'Token claims' }).locator('tr[data-claim="exp"] td').textContent()).toMatch(/in 29 d/);
    // Nothing to await: a wrapped timer would have renewed dozens of times in these 3 s.
    await page.waitForTimeout(3_000);
    expect(refreshes).toEqual([]);
    await page.context().close();
  });
});

describe('the conversation belongs to the user who had it', () => {
  it('another user signing in the same tab gets a fresh conversation and session_id', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await expect.poll(() => authStatus(page), SLOW).toBe('Signed in as alice');
    await messageBox(page).fill('alice private question');
    await messageBox(page).press('Enter');
    await expect.poll(() => lastAnswer(page).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    const aliceSession = await sessionLabel(page);

    // The pool session ends (as when it expires) and the page reloads: signed out, Alice's words still here.
    await context.clearCookies();
    await page.reload();
    await expect.poll(() => authStatus(page), SLOW).toBe('Signed out');
    expect(await page.getByRole('log').textContent()).toContain('alice private question');

    await signIn(page, stack.consoleUrl, { username: 'bob', password: 'bob-password' });
    await expect.poll(() => authStatus(page), SLOW).toBe('Signed in as bob');
    // From the conversation's first frame on: Alice's words and session are not shown to Bob.
    await page.getByRole('log').waitFor(SLOW);
    expect(await page.getByRole('log').locator('article').count()).toBe(0);
    expect(await sessionLabel(page)).not.toBe(aliceSession);
    // The tab's saved copy is replaced in an effect, which React may run after the frame above was drawn.
    await expect.poll(() => page.evaluate(() => JSON.stringify(sessionStorage)), SLOW).not.toContain('alice private question');
    await context.close();
  });

  it('a duplicated tab (sessionStorage copied) gets its own session_id; a reload keeps the tab its own', async () => {
    const context = await browser.newContext();
    const original = await context.newPage();
    await original.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => authStatus(original), SLOW).toBe('Signed out');
    const originalSession = await sessionLabel(original);
    // Saved and claimed in effects: copy the tab's storage once its conversation is there and its session is held,
    // or the duplicate would start afresh for want of anything to copy, proving nothing.
    await expect.poll(() => savedSessionId(original), SLOW).toBeTypeOf('string');
    const sessionId = (await savedSessionId(original)) ?? '';
    expect(originalSession).toContain(sessionId.slice(0, 8));
    await expect.poll(() => heldLocks(original), SLOW).toContain(`agent-console.session.${sessionId}`);
    const copied = await original.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));

    const duplicate = await context.newPage();
    await duplicate.addInitScript((entries: string) => {
      if (sessionStorage.length > 0) return;
      for (const [key, value] of JSON.parse(entries) as [string, string][]) sessionStorage.setItem(key, value);
    }, copied);
    await duplicate.goto(`${stack.consoleUrl}/`);
    await expect.poll(() => sessionLabel(duplicate), SLOW).not.toBe(originalSession);

    await original.reload();
    await expect.poll(() => authStatus(original), SLOW).toBe('Signed out');
    // The reloaded tab claims its session again, after a grace for the old page's lock; a tab that lost the claim
    // would start a new session. Read the label once the claim is won.
    await expect.poll(() => heldLocks(original), SLOW).toContain(`agent-console.session.${sessionId}`);
    expect(await sessionLabel(original)).toBe(originalSession);
    await context.close();
  });
});

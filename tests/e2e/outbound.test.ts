import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { lastAnswer, send, signedInPage } from '../support/console-page.ts';
import { type OwnSite, startOwnSite } from '../support/own-site.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const BOB = { username: 'bob', password: 'bob-password' };
const agentHost = new URL(stack.agentUrl).host;

/** The contexts and sites a test opened, closed after it: no test goes on with a page or a grant another one left. */
const opened: BrowserContext[] = [];
const sites: OwnSite[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

/**
 * A console whose agent no user has authorized yet (the agent keeps grants in memory, and the stack's agent may
 * hold one given by another test), and the host its consent page is on.
 */
async function freshAgent() {
  const site = await startOwnSite(stack);
  sites.push(site);
  return { site, host: new URL(site.agent.url).host };
}

/** A tab of a fresh context signed in to `consoleUrl` as `user` (alice by default), `setUp` applied to the context first. */
async function signedInTab(consoleUrl: string, user = 'alice', setUp?: (context: BrowserContext) => unknown) {
  const { context, page } = await signedInPage(browser, consoleUrl, user, { watch: setUp });
  opened.push(context);
  return { context, page };
}

const blockPopups = (context: BrowserContext) =>
  context.addInitScript(() => {
    window.open = () => null;
  });

const card = (page: Page) => lastAnswer(page).getByRole('region', { name: /^Authorization request/ });
const cardStatus = (page: Page) => card(page).getByRole('status');

async function settled(page: Page, timeout = 30_000) {
  await expect.poll(() => lastAnswer(page).getAttribute('aria-busy'), { timeout }).toBe('false');
  return (await lastAnswer(page).textContent()) ?? '';
}

/** The consent page the click opened (a popup, or a tab when the popup was blocked), answered with `choice`. */
async function answerConsent(context: BrowserContext, click: () => Promise<void>, choice: 'Approve' | 'Deny', host = agentHost) {
  const [consent] = await Promise.all([context.waitForEvent('page'), click()]);
  await consent.waitForLoadState();
  expect(new URL(consent.url()).host).toBe(host);
  expect(await consent.evaluate(() => window.opener)).toBeNull();
  await consent.getByRole('button', { name: choice }).click();
  await consent.getByRole('heading', { name: choice === 'Approve' ? 'Access approved' : 'Access denied' }).waitFor();
  await consent.close();
}

describe('outbound authorization in the chat (local agent, /docs)', () => {
  it('shows a card naming the host, opens the consent page in a popup, and the same answer goes on once approved', async () => {
    const { site, host } = await freshAgent();
    const { context, page } = await signedInTab(site.consoleUrl);
    await send(page, '/docs Roadmap');
    await expect.poll(() => cardStatus(page).textContent()).toBe('Waiting for authorization…');
    expect(await card(page).getAttribute('aria-label')).toBe(`Authorization request from ${host}`);
    expect(await card(page).textContent()).toContain('documents.read');
    expect(await lastAnswer(page).getAttribute('aria-busy')).toBe('true');

    await answerConsent(context, () => card(page).getByRole('button', { name: 'Authorize' }).click(), 'Approve', host);
    await expect.poll(() => cardStatus(page).textContent()).toBe('Authorized');
    const answer = await settled(page);
    expect(answer).toContain('Roadmap, read from the local documents provider');
    expect(await page.getByRole('log').locator('article.message.agent').count()).toBe(1);

    // One call, waited on in place: the stream (and its session_id) carried on instead of a new invocation.
    const rows = page.getByRole('table', { name: 'Call log' }).locator('tbody tr');
    await rows.first().waitFor(); // the call log is a chunk of its own
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/waited [\d.,]+ s for authorization/);
  });

  it('does not ask the same user again', async () => {
    // The user authorized the agent once, for an earlier answer.
    const { site, host } = await freshAgent();
    const { context, page } = await signedInTab(site.consoleUrl);
    await send(page, '/docs Roadmap');
    await expect.poll(() => cardStatus(page).textContent()).toBe('Waiting for authorization…');
    await answerConsent(context, () => card(page).getByRole('button', { name: 'Authorize' }).click(), 'Approve', host);
    expect(await settled(page)).toContain('Roadmap, read from the local documents provider');

    await send(page, '/docs Budget');
    expect(await settled(page)).toContain('Budget, read from the local documents provider');
    expect(await card(page).count()).toBe(0);
  });

  it.each([
    ['a javascript: address', '/auth-uri javascript:alert(document.domain)', 'uses javascript:'],
    ['another scheme', '/auth-uri ftp://files.example/consent', 'uses ftp:'],
    ['plain http off this computer', '/auth-uri http://consent.example.com/authorize', 'plain http on consent.example.com'],
    ['a malformed address', '/auth-uri not-a-url', 'not a valid absolute URL'],
    ['no address', '/auth-uri', 'sent no address'],
    ['the console’s own origin', `/auth-uri ${stack.consoleUrl}/callback?code=x&state=y`, 'on this console’s own origin'],
  ])('refuses %s with a clear error, offering nothing to click', async (_name, prompt, error) => {
    const { page } = await signedInTab(stack.consoleUrl);
    await send(page, prompt);
    await settled(page);
    expect(await card(page).textContent()).toContain(error);
    expect(await card(page).getByRole('button', { name: 'Authorize' }).count()).toBe(0);
    expect(await card(page).getByRole('link', { name: 'Authorize' }).count()).toBe(0);
  });

  it('opens the popup without a copy of the console’s sessionStorage', async () => {
    const { context, page } = await signedInTab(stack.consoleUrl);
    // The agent's /ping stands in for a consent page; the popup then comes back to the console's origin.
    await send(page, `/auth-uri ${stack.agentUrl}/ping`);
    await settled(page);
    expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0); // the conversation, the draft
    const [popup] = await Promise.all([context.waitForEvent('page'), card(page).getByRole('button', { name: 'Authorize' }).click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).host).toBe(agentHost);
    await popup.goto(`${stack.consoleUrl}/config.json`);
    expect(await popup.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await popup.close();
  });

  it('serves no consent page for a guessed request id, and never inside a frame', async () => {
    const response = await fetch(`${stack.agentUrl}/consent/guessed-id`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('when the browser blocks popups (bob, who has not authorized yet)', () => {
  // No test here authorizes bob on the stack's agent: the one that approves has an agent of its own.
  it('Stop still works while the card waits', async () => {
    const { page } = await signedInTab(stack.consoleUrl, BOB.username, blockPopups);
    await send(page, '/docs Plan');
    await expect.poll(() => cardStatus(page).textContent()).toBe('Waiting for authorization…');
    await page.getByRole('button', { name: 'Stop' }).click();
    await settled(page);
    expect(await cardStatus(page).textContent()).toContain('Not authorized: stopped');
  });

  it('falls back to a new-tab link, and a Deny there ends the answer with a refusal', async () => {
    const { context, page } = await signedInTab(stack.consoleUrl, BOB.username, blockPopups);
    await send(page, '/docs Plan');
    await card(page).getByRole('button', { name: 'Authorize' }).click();
    expect(await card(page).textContent()).toContain('blocked the popup');
    await answerConsent(context, () => card(page).getByRole('link', { name: 'Authorize' }).click(), 'Deny');
    const answer = await settled(page);
    expect(answer).toContain('Access denied');
    expect(answer).not.toContain('read from the local documents provider');
    expect(await cardStatus(page).textContent()).toContain('Not authorized');
  });

  it('shows the same card in a JSON answer that is a list of events; once approved, the next call needs none', async () => {
    const { site, host } = await freshAgent();
    const { context, page } = await signedInTab(site.consoleUrl, BOB.username, blockPopups);
    await send(page, '/docs-json Notes');
    await settled(page);
    expect(await card(page).getAttribute('aria-label')).toBe(`Authorization request from ${host}`);
    await card(page).getByRole('button', { name: 'Authorize' }).click();
    await answerConsent(context, () => card(page).getByRole('link', { name: 'Authorize' }).click(), 'Approve', host);
    await send(page, '/docs-json Notes');
    expect(await settled(page)).toContain('Notes, read from the local documents provider');
    expect(await card(page).count()).toBe(0);
  });
});

describe('when nobody answers the consent page in time', () => {
  let site: OwnSite;

  beforeAll(async () => {
    site = await startOwnSite(stack, {}, { consentTimeoutSeconds: 1 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('the answer ends with the agent’s time-out and the card says it was not authorized', async () => {
    const { page } = await signedInTab(site.consoleUrl);
    await send(page, '/docs Secrets');
    const answer = await settled(page);
    expect(answer).toContain('Authorization timed out');
    expect(await cardStatus(page).textContent()).toContain('Not authorized: the answer failed or timed out');
    expect(await page.getByRole('table', { name: 'Call log' }).locator('tbody tr').first().textContent()).toContain(
      'for authorization, not given',
    );
  });
});

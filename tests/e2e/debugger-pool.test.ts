import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { signedInDebugger } from '../support/console-page.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { partnerToken } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const NETWORK = { timeout: 30_000 };

const pool = (page: Page) => page.getByRole('region', { name: 'Ask the pool' });
const explained = (page: Page) => pool(page).getByTestId('pool-explained').textContent();
const raw = (page: Page) => pool(page).getByTestId('pool-raw').textContent();

/** Every request this page sends to the pool's revocation endpoint. */
function revocations(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/oauth/revoke') && request.method() === 'POST') sent.push(request.postData() ?? '');
  });
  return sent;
}

describe('ask the pool', () => {
  it('calls userinfo with the token in the box: the answer as it came, then explained', async () => {
    const page = (await signedInDebugger(browser, stack.consoleUrl)).page;
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await pool(page).getByRole('button', { name: 'Call userinfo' }).click();
    await expect.poll(() => raw(page), NETWORK).toMatch(/^HTTP 200 OK\ncontent-type: application\/json/);
    expect(await raw(page)).toContain('"preferred_username":"alice"');
    const sub = String(decodeJwt(await page.getByRole('textbox', { name: 'Token' }).inputValue()).sub);
    expect(await explained(page)).toBe(`The pool accepts this access token: it answered the claims of user ${sub}, the token’s sub.`);
    // The token went to the pool in the request, and appears nowhere in the answer shown.
    expect(await pool(page).textContent()).not.toContain(await page.getByRole('textbox', { name: 'Token' }).inputValue());
    await page.context().close();
  });

  it("revokes the console's own access token only once confirmed, then the session renews: signed in, with a new token", async () => {
    const page = (await signedInDebugger(browser, stack.consoleUrl)).page;
    const sent = revocations(page);
    await page.getByRole('button', { name: 'Use my access token' }).click();
    const revoked = await page.getByRole('textbox', { name: 'Token' }).inputValue();

    // Asked, and cancelled: nothing goes to the pool.
    await pool(page).getByRole('button', { name: 'Revoke', exact: true }).click();
    const confirm = pool(page).getByRole('group');
    expect(await confirm.textContent()).toContain('It is the console’s own: afterwards the console renews its session, or signs you out');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(sent).toEqual([]);

    await pool(page).getByRole('button', { name: 'Revoke', exact: true }).click();
    await pool(page).getByRole('button', { name: 'Revoke now' }).click();
    await expect.poll(() => raw(page), NETWORK).toMatch(/^HTTP 200 OK/);
    expect(await explained(page)).toContain('The pool accepted the revocation.');
    await expect
      .poll(() => pool(page).getByTestId('pool-session').textContent(), NETWORK)
      .toContain('The console renewed its session and holds a new access token now.');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('token_type_hint=access_token');
    expect(sent[0]).toContain(`client_id=${stack.clientId}`);
    // Still signed in, with a new token; the pool now refuses the old one.
    expect(await page.locator('.auth-status').textContent()).toBe('Signed in as alice');
    await pool(page).getByRole('button', { name: 'Call userinfo' }).click();
    await expect.poll(() => explained(page), NETWORK).toMatch(/^The pool refuses this token at userinfo \(access token revoked\)/);
    expect(await raw(page)).toContain('www-authenticate: Bearer error="invalid_token"');
    // The renewed token is not the revoked one, and works.
    const compare = page.getByRole('region', { name: 'Compare two tokens' });
    await compare.getByRole('button', { name: 'Use my previous access token' }).click();
    expect(await compare.getByRole('textbox', { name: 'Second JWT' }).inputValue()).toBe(revoked);
    await page.getByRole('button', { name: 'Use my access token' }).click();
    expect(await page.getByRole('textbox', { name: 'Token' }).inputValue()).not.toBe(revoked);
    await pool(page).getByRole('button', { name: 'Call userinfo' }).click();
    await expect.poll(() => explained(page), NETWORK).toMatch(/^The pool accepts this access token/);
    await page.context().close();
  });

  it("revokes a pasted token as its own client and leaves the console's session alone", async () => {
    const page = (await signedInDebugger(browser, stack.consoleUrl)).page;
    const partner = await partnerToken(stack);
    await page.getByRole('textbox', { name: 'Token' }).fill(partner.access_token);
    await pool(page).getByRole('button', { name: 'Revoke', exact: true }).click();
    expect(await pool(page).getByRole('group').textContent()).toContain(
      `as client ${stack.partnerClientId}? It is not the console’s token`,
    );
    await pool(page).getByRole('button', { name: 'Revoke now' }).click();
    await expect
      .poll(() => pool(page).getByTestId('pool-session').textContent(), NETWORK)
      .toBe('This was not the console’s token: the console’s session stays as it is.');
    expect(await raw(page)).toMatch(/^HTTP 200 OK/);
    await pool(page).getByRole('button', { name: 'Call userinfo' }).click();
    await expect.poll(() => explained(page), NETWORK).toMatch(/access token revoked/);
    // The console's own token was not touched.
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await pool(page).getByRole('button', { name: 'Call userinfo' }).click();
    await expect.poll(() => explained(page), NETWORK).toMatch(/^The pool accepts this access token/);
    await page.context().close();
  });

  it('names a CORS refusal as such, with the client setting to change', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${stack.otherOriginUrl}/debugger`);
    await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
    const alice = await loginOverHttp({
      issuer: stack.issuer,
      clientId: stack.clientId,
      redirectUri: `${stack.consoleUrl}/callback`,
      username: 'alice',
      password: 'alice-password',
    });
    await page.getByRole('textbox', { name: 'Token' }).fill(alice.access_token);
    await pool(page).getByRole('button', { name: 'Call userinfo' }).click();
    await expect
      .poll(() => explained(page), NETWORK)
      .toBe(
        `CORS refusal: the pool answers, but not to this page’s origin (${stack.otherOriginUrl}), so the browser never sent the call (userinfo needs a preflight). In the user pool, add ${stack.otherOriginUrl} to the allowed web origins (CORS) of client ${stack.clientId}.`,
      );
    expect(await pool(page).getByTestId('pool-raw').count()).toBe(0);
    await pool(page).getByRole('button', { name: 'Revoke', exact: true }).click();
    await pool(page).getByRole('button', { name: 'Revoke now' }).click();
    await expect
      .poll(() => explained(page), NETWORK)
      .toContain('A form POST needs no preflight, so the pool may have revoked the token all the same.');
    await page.context().close();
  });
});

import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { authorizeUrl, exchangeCode, loginOverHttp } from '../support/http-login.ts';
import { makePkce } from '../support/pkce.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const login = () => ({
  issuer: stack.issuer,
  clientId: stack.clientId,
  redirectUri: `${stack.consoleUrl}/callback`,
  username: 'alice',
  password: 'alice-password',
});

let page: Page;

/**
 * These tests drive the pool and read the code it sends to the console's /callback themselves. With scripts on,
 * the console would exchange that code as the page loads (and take it out of the address bar) before a test
 * reads it: the pool's pages need no script, so none runs.
 */
const opened: BrowserContext[] = [];
async function poolOnlyContext() {
  const context = await browser.newContext({ javaScriptEnabled: false });
  opened.push(context);
  return context;
}

// Each test has a browser of its own, with no pool session until it signs in.
beforeEach(async () => {
  page = await (await poolOnlyContext()).newPage();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
});

/** Signs alice in on the pool's pages in `page` (consenting when asked): the code and verifier of that sign-in. */
async function signInAtPool(state: string) {
  const pkce = makePkce();
  await page.goto(await authorizeUrl(login(), pkce.challenge, state));
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('alice-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('button', { name: 'Allow access' });
  await Promise.race([consent.waitFor(), page.waitForURL(`${stack.consoleUrl}/callback?**`)]);
  if (!page.url().startsWith(`${stack.consoleUrl}/callback?`)) await consent.click();
  await page.waitForURL(`${stack.consoleUrl}/callback?**`);
  return { code: new URL(page.url()).searchParams.get('code') ?? '', verifier: pkce.verifier };
}

describe('local user pool', () => {
  it('publishes discovery shaped like the Volcano Engine pool', async () => {
    const discovery = await (await fetch(`${stack.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer: stack.issuer,
      authorization_endpoint: `${stack.issuer}/authorize`,
      token_endpoint: `${stack.issuer}/oauth/token`,
      jwks_uri: `${stack.issuer}/keys`,
      userinfo_endpoint: `${stack.issuer}/userinfo`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery.end_session_endpoint).toBeTruthy();
    expect(discovery.revocation_endpoint).toBeTruthy();
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: stack.signingKey.kid });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('signs in through its own login and consent pages, and trades the code plus verifier for tokens', async () => {
    const pkce = makePkce();
    await page.goto(await authorizeUrl(login(), pkce.challenge, 'state-1'));
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Incorrect username or password');
    expect(page.url()).not.toContain('code=');

    await page.getByLabel('Password').fill('alice-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.waitForURL(`${stack.consoleUrl}/callback?**`);
    const callback = new URL(page.url());
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(callback.searchParams.get('iss')).toBe(stack.issuer);
    const code = callback.searchParams.get('code') ?? '';

    const response = await exchangeCode(login(), code, pkce.verifier);
    expect(response.status).toBe(200);
    const tokens = await response.json();
    expect(tokens.refresh_token).toBeTruthy();
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', kid: stack.signingKey.kid });
    const access = decodeJwt(tokens.access_token);
    expect(access).toMatchObject({ iss: stack.issuer, aud: [stack.clientId], client_id: stack.clientId, scope: 'openid profile email' });
    for (const claim of ['sub', 'exp', 'iat', 'nbf', 'jti']) expect(access[claim]).toBeDefined();
    expect(access.preferred_username).toBeUndefined();
    expect(access.exp! - access.iat!).toBe(36_000);
    expect(decodeJwt(tokens.id_token)).toMatchObject({
      preferred_username: 'alice',
      email: 'alice@example.com',
      name: 'Alice Liddell',
      nonce: 'n-state-1',
    });

    const userinfo = await fetch(`${stack.issuer}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await userinfo.json()).toMatchObject({ sub: access.sub, preferred_username: 'alice', email: 'alice@example.com' });
  });

  it('answers prompt=none silently while the pool session lives, with login_required once it is gone', async () => {
    await signInAtPool('state-1');
    const url = new URL(await authorizeUrl(login(), makePkce().challenge, 'state-4'));
    url.searchParams.set('prompt', 'none');
    await page.goto(url.href);
    await page.waitForURL(`${stack.consoleUrl}/callback?**`);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();

    const stranger = await (await poolOnlyContext()).newPage();
    await stranger.goto(url.href);
    await stranger.waitForURL(`${stack.consoleUrl}/callback?**`);
    expect(new URL(stranger.url()).searchParams.get('error')).toBe('login_required');
  });

  it('refuses a code without its verifier, a request without PKCE, and a code used twice', async () => {
    // A first sign-in, whose code is traded for tokens once.
    const firstCode = await signInAtPool('state-1');
    expect((await exchangeCode(login(), firstCode.code, firstCode.verifier)).status).toBe(200);
    const pkce = makePkce();
    await page.goto(await authorizeUrl(login(), pkce.challenge, 'state-2'));
    await page.waitForURL(`${stack.consoleUrl}/callback?**`); // signed in and consented already: straight back
    const code = new URL(page.url()).searchParams.get('code') ?? '';
    const withoutVerifier = await exchangeCode(login(), code);
    expect(withoutVerifier.status).toBe(400);
    expect((await withoutVerifier.json()).error).toBe('invalid_grant');

    const noPkce = new URL(await authorizeUrl(login(), pkce.challenge, 'state-3'));
    noPkce.searchParams.delete('code_challenge');
    noPkce.searchParams.delete('code_challenge_method');
    await page.goto(noPkce.href);
    await page.waitForURL(`${stack.consoleUrl}/callback?**`);
    expect(new URL(page.url()).searchParams.get('error')).toBe('invalid_request');

    // A code is single-use: replaying the first one fails (and the pool revokes what it issued).
    const replay = await exchangeCode(login(), firstCode.code, firstCode.verifier);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');
  });

  it('sends CORS headers on the token endpoint for the console origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.issuer}/oauth/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight(stack.consoleUrl)).headers.get('access-control-allow-origin')).toBe(stack.consoleUrl);
    const denied = await fetch(`${stack.issuer}/oauth/token`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: stack.clientId, refresh_token: 'x' }),
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('rotates refresh tokens: each use returns a new one and the used one stops working', async () => {
    const refresh = (token: string) =>
      fetch(`${stack.issuer}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.consoleUrl },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: stack.clientId, refresh_token: token }),
      });
    // A session and grant of its own: reusing a refresh token makes the pool revoke everything of its grant.
    const { refresh_token: firstRefreshToken = '' } = await loginOverHttp(login());
    const renewed = await refresh(firstRefreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('access-control-allow-origin')).toBe(stack.consoleUrl);
    const body = await renewed.json();
    expect(body.refresh_token).toBeTruthy();
    expect(body.refresh_token).not.toBe(firstRefreshToken);
    expect(decodeJwt(body.access_token)).toMatchObject({ client_id: stack.clientId, iss: stack.issuer });
    expect((await (await refresh(firstRefreshToken)).json()).error).toBe('invalid_grant');
  });
});

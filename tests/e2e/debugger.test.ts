import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { accessTokenClaims, signAsPool } from '../support/forge.ts';
import { partnerToken, startStrictAgent } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let page: Page;

beforeAll(async () => {
  page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.consoleUrl}/`);
  await signIn(page, stack.consoleUrl);
  await page.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor();
  await page.getByRole('link', { name: 'Debugger' }).click();
  await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
});

const tokenBox = () => page.getByRole('textbox', { name: 'Token' });
const signatureResult = () => page.getByTestId('signature-result').textContent();
const verdict = () => page.locator('.verdict').textContent();
const check = (name: string) => page.getByRole('table', { name: 'Runtime checks' }).locator(`tr[data-check="${name}"]`).textContent();

async function paste(token: string) {
  await tokenBox().fill(token);
}

describe('the token debugger', () => {
  it('verifies a fresh access token of the pool and says the runtime accepts it', async () => {
    expect(new URL(page.url()).pathname).toBe('/debugger');
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(signatureResult).toMatch(/^Signature verified with RS256, kid test-pool-key/);
    await expect.poll(verdict).toBe('Accepted');
    expect(await check('iss')).toContain(`equals the discovery issuer ${stack.issuer}`);
    expect(await page.getByRole('table', { name: 'Claims' }).locator('tr[data-claim="client_id"]').textContent()).toContain(
      'checks it against runtime_jwt_allowed_clients',
    );
    // The runtime settings are shareable; the token is not in the address bar.
    const url = new URL(page.url());
    expect(url.searchParams.get('clients')).toBe(stack.clientId);
    expect(page.url()).not.toContain((await tokenBox().inputValue()).split('.')[1]);
  });

  it('one changed character in the signature: "Invalid signature" and "Rejected"', async () => {
    const token = await tokenBox().inputValue();
    const [header, payload, signature] = token.split('.');
    await paste(`${header}.${payload}.${signature.slice(0, 20)}${signature[20] === 'A' ? 'B' : 'A'}${signature.slice(21)}`);
    await expect.poll(signatureResult).toMatch(/^Invalid signature/);
    await expect.poll(verdict).toBe('Rejected (failing: signature)');
  });

  it('a real token of a client missing from the allowed list is rejected naming client_id', async () => {
    const partner = await partnerToken(stack);
    await paste(partner.access_token);
    await expect.poll(signatureResult).toMatch(/^Signature verified/);
    await expect.poll(verdict).toBe('Rejected (failing: client_id)');
    expect(await check('client_id')).toContain('partner-app is not in the allowed clients (agent-console)');
    // Allowing any client (an empty list) flips the verdict, and the setting lands in the URL.
    await page.getByRole('textbox', { name: /runtime_jwt_allowed_clients/ }).fill('');
    await expect.poll(verdict).toBe('Accepted');
    expect(new URL(page.url()).searchParams.get('clients')).toBe('');
    expect(await page.getByRole('region', { name: 'agentkit.yaml' }).textContent()).toContain('runtime_jwt_allowed_clients: []');
    await page.getByRole('textbox', { name: /runtime_jwt_allowed_clients/ }).fill(stack.clientId);
  });

  it('an expired token is rejected naming exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    await paste(
      await signAsPool(
        stack.signingKey,
        accessTokenClaims(stack.issuer, stack.clientId, { iat: now - 7200, nbf: now - 7200, exp: now - 60 }),
      ),
    );
    await expect.poll(signatureResult).toMatch(/^Signature verified/);
    await expect.poll(verdict).toBe('Rejected (failing: exp)');
    expect(await check('exp')).toMatch(/expired \d+ s ago/);
  });

  it('decodes the ID token with its nonce', async () => {
    await page.getByRole('button', { name: 'Use my ID token' }).click();
    const claims = page.getByRole('table', { name: 'Claims' });
    await claims.waitFor();
    expect(await claims.locator('tr[data-claim="nonce"]').textContent()).toContain('bind this ID token to its sign-in request');
    expect(await claims.locator('tr[data-claim="preferred_username"] td').first().textContent()).toBe('alice');
  });

  it('explains garbage instead of failing, and stays responsive with a 1 MB paste', async () => {
    const cases: Array<[string, RegExp]> = [
      ['not.a.jwt.at.all.really', /three parts separated by dots.*this has 6/],
      ['opaque-refresh-token-value', /Not a JWT: an opaque token/],
      ['%%%.e30.sig', /The header is not valid base64url/],
      [
        `Bearer ${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('[1,2]').toString('base64url')}.x`,
        /claims part is JSON, but not an object/,
      ],
      ['a.b.c.d.e', /encrypted token \(JWE/],
    ];
    for (const [input, message] of cases) {
      await paste(input);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(message);
    }
    await page.evaluate(() => {
      const box = document.querySelector('#debugger-token') as HTMLTextAreaElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(box, 'x'.repeat(1_000_000));
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/larger than 64 KB/);
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await tokenBox().inputValue()).toBe('');
  });

  it('inspects the sign-in flow: PKCE challenge shown, verifier, code and tokens never', async () => {
    const flow = page.getByRole('region', { name: 'Sign-in flow' });
    const text = (await flow.textContent()) ?? '';
    expect(text).toContain('code_challenge_method');
    expect(text).toContain('S256');
    expect(text).toContain('state matched a sign-in started in this tab');
    expect(text).toMatch(/code.*characters, redacted/);
    expect(text).toContain(`token_endpoint${stack.issuer}/oauth/token`);
    expect(text).not.toContain('code_verifier');
    await page.getByRole('button', { name: 'Use my access token' }).click();
    const token = await tokenBox().inputValue();
    expect(text).not.toContain(token);
  });
});

describe('the debugger signed out', () => {
  it('works without a session: a pasted token of the pool verifies and is accepted', async () => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${stack.consoleUrl}/debugger`);
    await tab.locator('.auth-status', { hasText: 'Signed out' }).waitFor();
    expect(await tab.getByRole('button', { name: 'Use my access token' }).count()).toBe(0);
    await tab
      .getByRole('textbox', { name: 'Token' })
      .fill(await signAsPool(stack.signingKey, accessTokenClaims(stack.issuer, stack.clientId)));
    await expect.poll(() => tab.getByTestId('signature-result').textContent()).toMatch(/^Signature verified/);
    await expect.poll(() => tab.locator('.verdict').textContent()).toBe('Accepted');
  });
});

describe('from a refused call to the debugger', () => {
  it("the conversation's 401 links to the debugger with the failing check already shown", async () => {
    const strictAgent = await startStrictAgent(stack);
    try {
      setConfigJson(stack.distDir, { AGENT_ENDPOINT: strictAgent.url });
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`${stack.consoleUrl}/`);
      await signIn(tab, stack.consoleUrl);
      await expect.poll(() => authStatus(tab)).toBe('Signed in as alice');
      await tab.getByRole('textbox', { name: 'Message' }).fill('hello');
      await tab.getByRole('textbox', { name: 'Message' }).press('Enter');
      await tab.getByRole('link', { name: 'Check the token in the debugger' }).click();
      await tab.getByRole('heading', { name: 'Token debugger' }).waitFor();
      await expect.poll(() => tab.locator('.verdict').textContent()).toBe('Rejected (failing: client_id)');
      expect(await tab.getByRole('table', { name: 'Runtime checks' }).locator('tr[data-check="client_id"]').textContent()).toContain(
        'the agent refused the call saying: client not allowed (client_id agent-console)',
      );
      // Still signed in: the link navigated inside the app, tokens stayed in memory.
      expect(await authStatus(tab)).toBe('Signed in as alice');
    } finally {
      resetConfigJson(stack.distDir);
      await strictAgent.close();
    }
  });
});

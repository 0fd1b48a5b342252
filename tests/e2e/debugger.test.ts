import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { authStatus, signedInDebugger, signIn } from '../support/console-page.ts';
import { accessTokenClaims, signAsPool } from '../support/forge.ts';
import { startKeyServer } from '../support/key-server.ts';
import { partnerToken, startStrictAgent } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let page: Page;

// Each test has a tab of its own, signed in as alice and on the debugger.
beforeEach(async () => {
  ({ page } = await signedInDebugger(browser, stack.consoleUrl));
});

afterEach(() => page.context().close());

/** Polls that wait on the network (keys, discovery, a sign-in) under a loaded CI machine: above the 15 s default. */
const NETWORK = { timeout: 30_000 };
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
    // The console's own access token, verified.
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(verdict, NETWORK).toBe('Accepted');
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
    const yaml = (await page.getByRole('region', { name: 'agentkit.yaml' }).textContent()) ?? '';
    expect(yaml).toContain('runtime_jwt_allowed_clients: []');
    // ...and both the verdict and the YAML say what an empty list lets through.
    expect(yaml).toContain('# WARNING: Empty allowed clients: any client of the pool would pass, ID tokens included.');
    expect(await page.getByTestId('settings-warning').allTextContents()).toContainEqual(
      expect.stringContaining('any client of the pool would pass, ID tokens included'),
    );
    await page.getByRole('textbox', { name: /runtime_jwt_allowed_clients/ }).fill(stack.clientId);
    await expect.poll(() => page.getByTestId('settings-warning').count()).toBe(0);
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

describe('settings from the address bar', () => {
  it('never fetches keys from an issuer the deployment does not list: it says to paste them or list the issuer', async () => {
    const stranger = await startKeyServer();
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${stack.consoleUrl}/debugger?discovery=${encodeURIComponent(stranger.discoveryUrl)}`);
      await tab.getByRole('heading', { name: 'Token debugger' }).waitFor();
      const verdictPanel = tab.getByRole('region', { name: 'Runtime verdict (custom_jwt)' });
      await expect
        .poll(() => verdictPanel.getByTestId('unlisted-issuer').textContent(), NETWORK)
        .toMatch(new RegExp(`${stranger.origin} is not one of this console’s TRUSTED_ISSUERS.*Add the issuer to TRUSTED_ISSUERS`));

      const now = Math.floor(Date.now() / 1000);
      await tab
        .getByRole('textbox', { name: 'Token' })
        .fill(await stranger.sign(accessTokenClaims(stranger.origin, stack.clientId, { iat: now - 60 })));
      const result = () => tab.getByTestId('signature-result').textContent();
      await expect.poll(result, NETWORK).toMatch(/^Keys not fetched: issuer not listed/);
      expect(await result()).toContain('Paste the issuer’s key below (JWK, JWKS or PEM), or add the issuer to TRUSTED_ISSUERS');
      expect(await tab.getByRole('button', { name: /^Fetch keys from/ }).count()).toBe(0);
      expect(await tab.locator('.verdict').textContent()).toBe('Not decided yet');
      expect(stranger.requests).toEqual([]);

      // Its keys, obtained elsewhere (here by the test itself) and pasted: the signature verifies in the page.
      const jwks = await (await fetch(`${stranger.origin}/keys`)).text();
      await tab.getByRole('textbox', { name: 'Verify with a key instead (JWK, JWKS or PEM)' }).fill(jwks);
      await expect.poll(result, NETWORK).toMatch(/^Signature verified/);
      expect(stranger.requests).toEqual(['/keys']);
    } finally {
      await context.close();
      await stranger.close();
    }
  });

  it('fetches from an issuer the deployment lists only after a click that names it, and keeps warning', async () => {
    const evil = await startKeyServer();
    setConfigJson(stack.distDir, { TRUSTED_ISSUERS: evil.origin });
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${stack.consoleUrl}/debugger?discovery=${encodeURIComponent(evil.discoveryUrl)}&clients=`);
      await tab.getByRole('heading', { name: 'Token debugger' }).waitFor();
      const warnings = () => tab.getByTestId('settings-warning').allTextContents();
      await expect
        .poll(warnings, NETWORK)
        .toEqual([
          expect.stringMatching(new RegExp(`did not come from this console’s configuration: the discovery URL is on ${evil.origin}`)),
          expect.stringContaining('any client of the pool would pass, ID tokens included'),
        ]);
      const yaml = tab.getByRole('region', { name: 'agentkit.yaml' });
      expect(await yaml.textContent()).toContain(
        `# WARNING: Not from this console’s configuration: ${evil.origin} is not the configured user pool`,
      );

      // A token the attacker's keys sign: nothing is fetched, and nothing is accepted, before the click.
      const now = Math.floor(Date.now() / 1000);
      const claims = accessTokenClaims(evil.origin, 'any-client', { iat: now - 60, nbf: now - 60 });
      await tab.getByRole('textbox', { name: 'Token' }).fill(await evil.sign(claims));
      const verdictPanel = tab.getByRole('region', { name: 'Runtime verdict (custom_jwt)' });
      const fetchButton = verdictPanel.getByRole('button', { name: `Fetch keys from ${evil.origin}` });
      await fetchButton.waitFor();
      await expect.poll(() => tab.getByTestId('signature-result').textContent(), NETWORK).toMatch(/^Keys not fetched yet/);
      expect(await tab.locator('.verdict').textContent()).toBe('Not decided yet');
      expect(evil.requests).toEqual([]);

      await fetchButton.click();
      await expect.poll(() => tab.getByTestId('signature-result').textContent(), NETWORK).toMatch(/^Signature verified/);
      await expect
        .poll(() => tab.locator('.verdict').textContent(), NETWORK)
        .toBe(`Accepted (against keys from ${evil.origin}, not from this console’s configuration)`);
      expect(evil.requests).toContain('/keys');
      expect(await warnings()).toHaveLength(2);
      expect(await yaml.textContent()).toContain('# WARNING: Not from this console’s configuration');
    } finally {
      await context.close();
      await evil.close();
      resetConfigJson(stack.distDir);
    }
  });

  it("ignores a refusal reason in the query string: only the chat's in-app link carries one", async () => {
    await page.getByRole('link', { name: 'Console' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await page.evaluate(() => {
      window.history.pushState(null, '', '/debugger?token=access&reason=client+not+allowed+(client_id+agent-console)');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
    await expect.poll(verdict, NETWORK).toBe('Accepted');
    expect(await check('client_id')).not.toContain('the agent refused');
  });

  it('does not fetch while the discovery URL is being typed, only once it is applied', async () => {
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(verdict, NETWORK).toBe('Accepted');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/.well-known/')) asked.push(request.url());
    });
    const field = page.getByRole('textbox', { name: 'runtime_jwt_discovery_url' });
    const typed = `${stack.issuer}/.well-known/openid-configuration?typed=1`;
    await field.selectText();
    await field.pressSequentially(typed);
    expect(asked).toEqual([]);
    await field.press('Enter');
    await expect.poll(() => asked, NETWORK).toEqual([typed]);
    await expect.poll(verdict, NETWORK).toBe('Accepted');
    expect(new URL(page.url()).searchParams.get('discovery')).toBe(typed);
  });
});

describe('keys rotate', () => {
  it('a token signed by a new key verifies after the issuer rotates, without a reload', async () => {
    const issuer = await startKeyServer();
    setConfigJson(stack.distDir, { TRUSTED_ISSUERS: issuer.origin });
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${stack.consoleUrl}/debugger`);
      const tokenField = tab.getByRole('textbox', { name: 'Token' });
      const result = () => tab.getByTestId('signature-result').textContent();
      await tokenField.fill(await issuer.sign(accessTokenClaims(issuer.origin, stack.clientId)));
      await tab
        .getByRole('region', { name: 'Signature' })
        .getByRole('button', { name: `Fetch keys from ${issuer.origin}` })
        .click();
      await expect.poll(result, NETWORK).toMatch(/^Signature verified with RS256, kid rotating-key-1/);

      await issuer.rotate();
      await tokenField.fill(await issuer.sign(accessTokenClaims(issuer.origin, stack.clientId)));
      await expect.poll(result, NETWORK).toMatch(/^Signature verified with RS256, kid rotating-key-2/);
      expect(issuer.requests.filter((path) => path === '/keys')).toHaveLength(2);

      // An unknown kid asks once, not on every paste: a forged header cannot make the page hammer the issuer.
      const forged = await issuer.sign(accessTokenClaims(issuer.origin, stack.clientId));
      const [, payload, signature] = forged.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'no-such-key' })).toString('base64url');
      await tokenField.fill(`${header}.${payload}.${signature}`);
      await expect.poll(result, NETWORK).toMatch(/^No key with this kid/);
      await tokenField.fill('');
      await tokenField.fill(`${header}.${payload}.${signature}`);
      await expect.poll(result, NETWORK).toMatch(/^No key with this kid/);
      expect(issuer.requests.filter((path) => path === '/keys')).toHaveLength(3);
    } finally {
      await context.close();
      await issuer.close();
      resetConfigJson(stack.distDir);
    }
  });
});

describe('the debugger signed out', () => {
  it('works without a session: a pasted token of the pool verifies and is accepted', async () => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${stack.consoleUrl}/debugger`);
    await tab.locator('.auth-status', { hasText: 'Signed out' }).waitFor();
    // The header shows before the debugger (a chunk of its own): look for the button once the page is there.
    await tab.getByRole('heading', { name: 'Token debugger' }).waitFor();
    expect(await tab.getByRole('button', { name: 'Use my access token' }).count()).toBe(0);
    await tab
      .getByRole('textbox', { name: 'Token' })
      .fill(await signAsPool(stack.signingKey, accessTokenClaims(stack.issuer, stack.clientId)));
    await expect.poll(() => tab.getByTestId('signature-result').textContent(), NETWORK).toMatch(/^Signature verified/);
    await expect.poll(() => tab.locator('.verdict').textContent(), NETWORK).toBe('Accepted');
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
      await expect.poll(() => authStatus(tab), NETWORK).toBe('Signed in as alice');
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

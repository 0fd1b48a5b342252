import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_DELEGATE_CLIENT_ID } from '../../dev/userpool/delegation.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { signIn } from '../support/console-page.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { partnerToken } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const NETWORK = { timeout: 30_000 };
let page: Page;

beforeAll(async () => {
  page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.consoleUrl}/`);
  await signIn(page, stack.consoleUrl);
  await page.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor(NETWORK);
  await page.getByRole('link', { name: 'Debugger' }).click();
  await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
});

const tokenBox = () => page.getByRole('textbox', { name: 'Token' });
const acting = () => page.getByRole('region', { name: 'Who is acting' });

/** A token of the local pool's delegating client: alice delegated to an agent, which delegated to a tool. */
function delegatedToken() {
  return loginOverHttp({
    issuer: stack.issuer,
    clientId: LOCAL_DELEGATE_CLIENT_ID,
    redirectUri: `${stack.consoleUrl}/callback`,
    username: 'alice',
    password: 'alice-password',
  });
}

describe('who is acting', () => {
  it("reads a token's act claim as the chain user → agent → tool, naming the current actor", async () => {
    const { access_token } = await delegatedToken();
    const alice = String(decodeJwt(access_token).sub);
    await tokenBox().fill(access_token);
    expect(await acting().getByTestId('delegation-chain').textContent()).toBe(`${alice} → agent:local_agent → tool:documents-mcp`);
    expect(await acting().getByRole('list', { name: 'Delegation chain' }).getByRole('listitem').allTextContents()).toEqual([
      `${alice} the user the token is about (sub)`,
      `agent:local_agent acts for the one before (an earlier actor, act), client ${LOCAL_DELEGATE_CLIENT_ID}`,
      'tool:documents-mcp acts now, for the one before (the current actor, act)',
    ]);
    // The claim itself is explained where the claims are listed.
    expect(await page.getByRole('table', { name: 'Claims' }).locator('tr[data-claim="act"]').textContent()).toContain('Actor (RFC 8693)');
    // Same user as the console's session: no warning about user_id.
    expect(await acting().getByTestId('user-id-warning').count()).toBe(0);
    expect(await acting().textContent()).toContain(
      `The console sends user_id: ${alice} with its calls: the same user as this token’s sub.`,
    );
  });

  it("warns when the user_id the console sends is not the token's sub", async () => {
    const bob = await partnerToken(stack);
    await tokenBox().fill(bob.access_token);
    const warning = (await acting().getByTestId('user-id-warning').textContent()) ?? '';
    const bobSub = String(decodeJwt(bob.access_token).sub);
    expect(warning).toMatch(new RegExp(`^The console sends user_id: \\S+ with its calls, but this token’s sub is ${bobSub}\\.`));
    expect(warning).toContain(`the agent would act for ${bobSub}`);
    // Nobody acts for bob in this token: no chain.
    expect(await acting().getByTestId('delegation-chain').count()).toBe(0);
  });
});

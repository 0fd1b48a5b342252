import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { LOCAL_DELEGATE_CLIENT_ID } from '../../dev/userpool/delegation.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { signedInDebugger, signIn } from '../support/console-page.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { partnerToken } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const NETWORK = { timeout: 30_000 };
let page: Page;

// Each test has a tab of its own, signed in as alice and on the debugger.
beforeEach(async () => {
  ({ page } = await signedInDebugger(browser, stack.consoleUrl));
});

afterEach(() => page.context().close());

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

describe('two tokens side by side', () => {
  const compare = () => page.getByRole('region', { name: 'Compare two tokens' });
  const row = (name: string) => compare().getByRole('table', { name: 'Claims compared' }).locator(`tr[data-claim="${name}"]`);

  it('lists the claims that differ first, highlighted, with the verdict of each token', async () => {
    await page.getByRole('button', { name: 'Use my access token' }).click();
    const partner = await partnerToken(stack);
    await compare().getByRole('textbox', { name: 'Second JWT' }).fill(partner.access_token);
    await expect
      .poll(() => compare().locator('.compare-verdicts li').first().textContent(), NETWORK)
      .toBe('Runtime (custom_jwt): this token Accepted; second token Rejected (failing: client_id)');
    expect(await row('client_id').getAttribute('class')).toBe('differs');
    expect(await row('client_id').locator('td').allTextContents()).toEqual([stack.clientId, stack.partnerClientId, 'differs']);
    expect(await row('iss').locator('td').last().textContent()).toBe('same');
    expect(await row('iss').getAttribute('class')).toBeNull();
    // Differences first: every highlighted row comes before the first equal one.
    const marks = await compare().locator('tbody tr td:last-child').allTextContents();
    expect(marks.indexOf('same')).toBeGreaterThan(marks.lastIndexOf('differs'));
    expect(await compare().textContent()).toContain(`${marks.filter((mark) => mark === 'differs').length} fields differ`);
  });
});

describe('the previous access token after a renewal', () => {
  it('can be picked and compared with the current one: same user, new token', async () => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${stack.short.consoleUrl}/`);
    await signIn(tab, stack.short.consoleUrl);
    await tab.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor(NETWORK);
    await tab.getByRole('link', { name: 'Debugger' }).click();
    await tab.getByRole('heading', { name: 'Token debugger' }).waitFor();
    const compare = tab.getByRole('region', { name: 'Compare two tokens' });
    // Tokens of this site live 15 s: the console renews one while the page is open.
    await tab.getByRole('button', { name: 'Use my access token' }).click();
    const previousButton = compare.getByRole('button', { name: 'Use my previous access token' });
    await previousButton.waitFor({ timeout: 40_000 });
    await tab.getByRole('button', { name: 'Use my access token' }).click();
    await previousButton.click();
    const table = compare.getByRole('table', { name: 'Claims compared' });
    await table.waitFor();
    expect(await table.locator('tr[data-claim="sub"] td').last().textContent()).toBe('same');
    expect(await table.locator('tr[data-claim="jti"] td').last().textContent()).toBe('differs');
    expect(await table.locator('tr[data-claim="exp"]').getAttribute('class')).toBe('differs');
    // The box holds the token from before the renewal, not the current one.
    const previous = await compare.getByRole('textbox', { name: 'Second JWT' }).inputValue();
    expect(previous).not.toBe(await tab.getByRole('textbox', { name: 'Token' }).inputValue());
    await tab.context().close();
  });
});

describe('the gateway predictor', () => {
  const gatewayPanel = () => page.getByRole('region', { name: 'Gateway verdict (CustomJWT, MCP)' });
  const gatewayVerdict = () => gatewayPanel().locator('.gateway-verdict').textContent();
  const gatewayClients = () => gatewayPanel().getByRole('textbox', { name: /^AllowedClients/ });
  const gatewayYaml = () => page.getByRole('region', { name: 'AgentKit Gateway (CustomJWT)' }).locator('pre').textContent();

  it('predicts CustomJWT beside custom_jwt, naming the discovery form both used, and says where they part', async () => {
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(gatewayVerdict, NETWORK).toBe('Accepted');
    const form = `discovery document of the issuer ${stack.issuer}`;
    expect(await page.getByTestId('discovery-form').textContent()).toBe(`This verdict used the ${form}.`);
    expect(await gatewayPanel().getByTestId('gateway-form').textContent()).toBe(`Both verdicts used the ${form}.`);
    expect(await gatewayPanel().textContent()).toContain('For this token and these settings both predict the same.');

    await gatewayClients().fill(stack.partnerClientId);
    await expect.poll(gatewayVerdict).toBe('Rejected (failing: client_id)');
    expect(await page.locator('.verdict').textContent()).toBe('Accepted');
    expect(await gatewayPanel().getByTestId('target-differences').getByRole('listitem').allTextContents()).toEqual([
      `The allowed clients differ: the runtime allows ${stack.clientId}, the gateway ${stack.partnerClientId}.`,
      'The runtime would answer Accepted, the gateway Rejected (failing: client_id).',
    ]);
    expect(new URL(page.url()).searchParams.get('gateway_clients')).toBe(stack.partnerClientId);
    expect(await gatewayYaml()).toBe(
      [
        '# AgentKit Gateway (MCP service or toolset): CreateMCPService / CreateMCPToolset',
        'InboundAuthorizerConfiguration:',
        '  AuthorizerType: CustomJWT',
        '  Authorizer:',
        '    CustomJwtAuthorizer:',
        `      DiscoveryUrl: ${stack.issuer}/.well-known/openid-configuration`,
        '      AllowedClients:',
        `        - ${stack.partnerClientId}`,
      ].join('\n'),
    );
  });

  it('refuses more than 5 allowed clients, and lets every client in with none', async () => {
    // The console's own access token, accepted by both.
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(gatewayVerdict, NETWORK).toBe('Accepted');
    await gatewayClients().fill(`a, b, c, d, e, ${stack.clientId}`);
    await expect.poll(gatewayVerdict).toBe('Rejected (failing: AllowedClients)');
    expect(await gatewayPanel().locator('tr[data-check="AllowedClients"]').textContent()).toContain(
      '6 clients listed: the gateway takes at most 5, so CreateMCPService refuses this setting',
    );
    expect(await gatewayYaml()).toContain('# WARNING: 6 clients listed: the gateway takes at most 5');
    expect(await gatewayPanel().getByTestId('target-differences').textContent()).toContain(
      'The gateway takes at most 5 allowed clients and this list has 6',
    );
    await gatewayClients().fill('');
    await expect.poll(gatewayVerdict).toBe('Accepted');
    expect(await gatewayYaml()).toContain('AllowedClients: []');
    expect(await gatewayYaml()).toContain('# WARNING: Empty allowed clients: any client of the pool would pass');
  });

  it('takes the identity-path form of the discovery URL and says that is the form it used', async () => {
    await page.getByRole('button', { name: 'Use my access token' }).click();
    await expect.poll(() => page.locator('.verdict').textContent(), NETWORK).toBe('Accepted');
    const pathForm = `${stack.issuer}/userpool/local/.well-known/openid-configuration`;
    const field = page.getByRole('textbox', { name: 'runtime_jwt_discovery_url' });
    await field.fill(pathForm);
    await field.press('Enter');
    await expect
      .poll(() => page.getByTestId('discovery-form').textContent(), NETWORK)
      .toBe(
        `This verdict used the identity-path form of pool local (${stack.issuer}/userpool/<id>, as the workshop utilities build it from the identity endpoint).`,
      );
    await expect.poll(() => page.locator('.verdict').textContent(), NETWORK).toBe('Accepted');
    expect(await page.getByRole('table', { name: 'Runtime checks' }).locator('tr[data-check="iss"]').textContent()).toContain(
      `equals the discovery issuer ${stack.issuer}`,
    );
    expect(await gatewayPanel().getByTestId('gateway-form').textContent()).toContain('identity-path form of pool local');
    expect(await gatewayYaml()).toContain(`DiscoveryUrl: ${pathForm}`);
    await field.fill(`${stack.issuer}/.well-known/openid-configuration`);
    await field.press('Enter');
    await gatewayClients().fill(stack.clientId);
  });
});

describe('the region checklist', () => {
  it('lists what to register, each value with a copy button; a region the issuer does not name can be typed', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.consoleUrl });
    await page.getByRole('link', { name: 'Region checklist' }).click();
    const checklist = page.getByRole('region', { name: 'Region checklist' });
    const value = (item: string) => checklist.locator(`tr[data-item="${item}"] code`).textContent();
    expect(await value('callback')).toBe(`${stack.consoleUrl}/callback`);
    expect(await value('silentCallback')).toBe(`${stack.consoleUrl}/silent-callback.html`);
    expect(await value('logout')).toBe(`${stack.consoleUrl}/`);
    expect(await value('origin')).toBe(stack.consoleUrl);
    expect(await value('discovery')).toBe(`${stack.issuer}/.well-known/openid-configuration`);
    // The local pool's address names no region.
    expect(await checklist.getByTestId('checklist-region').textContent()).toContain(
      `The configured issuer ${stack.issuer} is not a Volcano Engine pool address`,
    );
    expect(await value('outboundCallback')).toBe('https://auth.id.<region>.volces.com/api/v1/oauth2callback');
    await checklist.getByRole('textbox', { name: 'Region' }).fill('cn-shanghai');
    expect(await value('outboundCallback')).toBe('https://auth.id.cn-shanghai.volces.com/api/v1/oauth2callback');
    await checklist.getByRole('button', { name: 'Copy: Outbound callback' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('https://auth.id.cn-shanghai.volces.com/api/v1/oauth2callback');
    expect(await checklist.locator('tr[data-item="outboundCallback"]').textContent()).toContain('Never the console or the runtime.');
  });
});

describe('in Chinese', () => {
  it('every new part of the debugger speaks it: acting, comparison, gateway, pool, explainer, checklist', async () => {
    const tab = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await tab.goto(`${stack.consoleUrl}/debugger`);
    await tab.getByRole('heading', { name: '令牌调试器' }).waitFor(NETWORK);
    const { access_token } = await delegatedToken();
    await tab.getByRole('textbox', { name: '令牌', exact: true }).fill(access_token);
    const chain = tab.getByRole('region', { name: '谁在操作' }).getByRole('list', { name: '委托链' });
    expect(await chain.getByRole('listitem').last().textContent()).toBe('tool:documents-mcp 当前正在代表前一位操作（当前操作方，act）');
    await expect.poll(() => tab.locator('.gateway-verdict').textContent(), NETWORK).toBe('拒绝 (未通过：client_id)');
    for (const heading of ['对比两个令牌', '网关判定（CustomJWT，MCP）', '运行时与网关的差异', '询问用户池', '解释错误', '区域清单']) {
      expect(await tab.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    }
    await tab.getByRole('region', { name: '询问用户池' }).getByRole('button', { name: '调用 userinfo' }).click();
    await expect
      .poll(() => tab.getByTestId('pool-explained').textContent(), NETWORK)
      .toMatch(/^用户池接受这个访问令牌：它返回了用户 \S+ 的声明，与令牌的 sub 一致。$/);
    const explainer = tab.getByRole('region', { name: '解释错误' });
    await explainer.getByRole('textbox').fill('data: {"error": "agent execution failed"}');
    // The explanations' Chinese is fetched with the first explanation shown.
    await expect.poll(() => explainer.getByTestId('explain-result').textContent()).toContain('原因： 智能体代码出错');
    expect(await tab.getByRole('region', { name: '区域清单' }).locator('tr[data-item="outboundCallback"] th').textContent()).toBe(
      '出站回调地址',
    );
    await tab.context().close();
  });
});

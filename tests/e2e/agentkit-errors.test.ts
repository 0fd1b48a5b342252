import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { lastAnswer, signIn } from '../support/console-page.ts';
import { startStrictAgent } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const NETWORK = { timeout: 30_000 };

/** The explanation under the last answer's failure: "Why: …", "What to do: …", who sent it, the source. */
const explanation = (page: Page) => lastAnswer(page).locator('.failure .explanation');

async function signedInTab(consoleUrl: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${consoleUrl}/`);
  await signIn(page, consoleUrl);
  await page.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor(NETWORK);
  return page;
}

/** Sends `prompt` (in the language shown: the box is "Message" or "消息") and waits for its answer to fail. */
async function failureOf(page: Page, prompt: string, box = 'Message') {
  const answers = page.getByRole('log').locator('article.message.agent');
  const before = await answers.count();
  await page.getByRole('textbox', { name: box }).fill(prompt);
  await page.getByRole('textbox', { name: box }).press('Enter');
  await expect.poll(() => answers.count(), NETWORK).toBe(before + 1);
  await expect.poll(() => lastAnswer(page).getAttribute('data-status'), NETWORK).toBe('error');
  return (await lastAnswer(page).locator('.failure').textContent()) ?? '';
}

describe('agent failures, explained under the failure', () => {
  let page: Page;
  // Each test has a tab of its own, signed in as alice.
  beforeEach(async () => {
    page = await signedInTab(stack.consoleUrl);
  });
  afterEach(() => page.context().close());

  it('the gateway\'s "Consumer authentication failed": the cause, the identity callback to register, the source', async () => {
    const text = await failureOf(page, '/error consumer');
    expect(text).toContain('Consumer authentication failed');
    const explained = (await explanation(page).textContent()) ?? '';
    expect(explained).toContain('Why: The AgentKit gateway refused the call before it reached the agent');
    // The local pool names no region: the callback says where the region goes.
    expect(explained).toContain(
      'set the credential provider’s callback URL, and the provider app’s redirect URL, to https://auth.id.<region>.volces.com/api/v1/oauth2callback',
    );
    expect(explained).toContain('Sent by the AgentKit gateway');
    expect(await explanation(page).getByRole('link', { name: 'source' }).getAttribute('href')).toContain('feishu_outbound/README_en.md');
  });

  it('a consent that timed out: read from the raw frame, whose error field the generic message hides', async () => {
    const text = await failureOf(page, '/error consent-timeout');
    expect(text).toContain('The agent failed while answering (TimeoutError): An error occurred during streaming');
    expect(await explanation(page).textContent()).toContain('Why: The agent waited for your consent to a third party and gave up');
    expect(await explanation(page).getAttribute('data-explanation')).toBe('consent-timeout');
  });

  it("the simple app's typed frame names the exception the message left out; a shape no row knows stays as sent", async () => {
    await failureOf(page, '/error typed');
    expect(await explanation(page).textContent()).toContain(
      'Why: The agent’s code raised ZeroDivisionError while streaming: division by zero',
    );
    const text = await failureOf(page, '/error unknown');
    expect(text).toBe('The agent failed (500 FluxError): The flux capacitor is out of sync.');
    expect(await lastAnswer(page).locator('.explanation').count()).toBe(0);
  });

  it("a provider's error code, a user_id and a session the runtime refused", async () => {
    await failureOf(page, '/error 20029');
    expect(await explanation(page).textContent()).toContain('(Feishu error 20029)');
    // In a tab of its own: a refusal within seconds of the last renewal is reported without its body (agent-client.ts).
    const fresh = await signedInTab(stack.consoleUrl);
    await failureOf(fresh, '/error user-id');
    expect(await explanation(fresh).textContent()).toContain('it binds the user to the verified token’s sub');
    await fresh.context().close();
    const text = await failureOf(page, '/error session');
    expect(text).toContain('Session not found');
    expect(text).not.toContain('No agent entrypoint');
    expect(await explanation(page).getAttribute('data-explanation')).toBe('session-not-found');
  });

  it('follows a language switch: the explanation of an earlier failure is in Chinese', async () => {
    // An earlier failure, explained in English.
    await failureOf(page, '/error consumer');
    await explanation(page).getByText('Why: The AgentKit gateway refused').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '中文' });
    await failureOf(page, '/error hidden', '消息');
    await expect.poll(() => explanation(page).textContent()).toContain('原因： 智能体代码出错');
    const first = page.getByRole('log').locator('article.message.agent .explanation').first();
    expect(await first.textContent()).toContain('AgentKit 网关在调用到达智能体之前就拒绝了它');
    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await expect.poll(() => first.textContent()).toContain('Why: The AgentKit gateway refused');
  });
});

describe('a real custom_jwt refusal', () => {
  it("names the failing check from the runtime's WWW-Authenticate challenge", async () => {
    const strictAgent = await startStrictAgent(stack);
    try {
      setConfigJson(stack.distDir, { AGENT_ENDPOINT: strictAgent.url });
      const page = await signedInTab(stack.consoleUrl);
      const text = await failureOf(page, 'hello');
      expect(text).toContain('client not allowed (client_id agent-console)');
      const explained = (await explanation(page).textContent()) ?? '';
      expect(explained).toContain('Why: The token’s client_id is not in runtime_jwt_allowed_clients.');
      expect(explained).toContain('Add this console’s client ID to runtime_jwt_allowed_clients');
    } finally {
      resetConfigJson(stack.distDir);
      await strictAgent.close();
    }
  });
});

describe('on the ADK runtime', () => {
  it('the same prompts fail the same way, and are explained the same way', async () => {
    const page = await signedInTab(stack.adk.consoleUrl);
    await failureOf(page, '/error consent-timeout');
    expect(await explanation(page).getAttribute('data-explanation')).toBe('consent-timeout');
    await failureOf(page, '/error consumer');
    expect(await explanation(page).getAttribute('data-explanation')).toBe('consumer-auth');
  });
});

describe('the debugger explains what is pasted into it', () => {
  it('an HTTP answer, SSE frames and plain words; an unknown shape is shown as it is', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${stack.consoleUrl}/debugger`);
    const panel = page.getByRole('region', { name: 'Explain an error' });
    const box = panel.getByRole('textbox', { name: 'What the agent, its gateway or the pool answered' });
    const result = panel.getByTestId('explain-result');
    await box.fill(
      [
        'HTTP/1.1 401 Unauthorized',
        'content-type: application/json',
        'WWW-Authenticate: Bearer error="invalid_token", error_description="token expired (exp)"',
        '',
        '{"error": {"message": "Unauthorized", "type": "Unauthorized"}}',
      ].join('\n'),
    );
    expect(await result.locator('.explanation').getAttribute('data-explanation')).toBe('token-expired');
    await box.fill('data: {"error": "Error 20043: openid is incorrect"}');
    expect(await result.locator('.explanation').getAttribute('data-explanation')).toBe('provider-scope');
    expect(await result.textContent()).toContain('drive:drive,docx:document:readonly');
    await box.fill('Something nobody documented');
    expect(await result.textContent()).toBe(
      'No row of the console’s table explains this shape; here it is as it was sent:Something nobody documented',
    );
    await page.context().close();
  });
});

describe('from the chat to the debugger', () => {
  it("the refusal's reason, explained in the debugger too", async () => {
    const strictAgent = await startStrictAgent(stack);
    try {
      setConfigJson(stack.distDir, { AGENT_ENDPOINT: strictAgent.url });
      const page = await signedInTab(stack.consoleUrl);
      await failureOf(page, 'hello');
      await page.getByRole('link', { name: 'Check the token in the debugger' }).click();
      const refusal = page.getByRole('region', { name: 'Explain an error' }).getByTestId('refusal-explained');
      await expect.poll(() => refusal.textContent(), NETWORK).toContain('The agent refused your last call saying: client not allowed');
      expect(await refusal.locator('.explanation').getAttribute('data-explanation')).toBe('token-client');
    } finally {
      resetConfigJson(stack.distDir);
      await strictAgent.close();
    }
  });
});

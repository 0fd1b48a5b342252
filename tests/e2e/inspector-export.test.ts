import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { answerWhenSettled, captureTokens, lastAnswer, send, signedInPage } from '../support/console-page.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

let page: Page;
let tokens: Set<string>;

// Each test has a tab of its own, signed in as alice, every token the pool hands it captured.
beforeEach(async () => {
  ({ page } = await signedInPage(browser, stack.consoleUrl, 'alice', {
    context: { acceptDownloads: true },
    watch: (context) => {
      tokens = captureTokens(context);
    },
  }));
});

afterEach(async () => {
  await page.context().close();
});

/** "/weather london", answered with a tool call, rendered. */
async function askWeather() {
  await send(page, '/weather london');
  return answerWhenSettled(page);
}

/** Clicks Export, then the format; the file the browser downloads, as text. */
async function exported(format: 'Markdown' | 'JSON') {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format, exact: true }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('the raw events of an answer', () => {
  it('an answer with tool calls, streamed as ADK events', async () => {
    expect(await askWeather()).toContain('The weather in london');
  });

  it('"Events (N)" shows each ADK event the agent streamed: author, partial or final, tool call and result', async () => {
    await askWeather();
    const button = lastAnswer(page).getByRole('button', { name: /^Events \(\d+\)$/ });
    const count = Number((await button.textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(3);
    await button.click();
    const table = lastAnswer(page).getByRole('table', { name: 'Raw events of this answer' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(count);
    const rows = (await table.locator('tbody tr').allTextContents()).join('\n');
    expect(rows).toContain('call get_weather');
    expect(rows).toContain('result get_weather');
    expect(rows).toContain('local_agent');
    expect(rows).toMatch(/partial/);
    expect(await lastAnswer(page).getByText('The agent sent no token usage (usageMetadata) for this answer.').count()).toBe(1);
  });
});

describe('exporting the conversation', () => {
  it('as Markdown: the prompt, the answer and its tool calls, named after the agent and the day, without a token', async () => {
    await askWeather();
    const { name, text } = await exported('Markdown');
    expect(name).toMatch(/^test-agent-conversation-\d{4}-\d{2}-\d{2}\.md$/);
    expect(text).toContain('# Conversation with Test Agent');
    expect(text).toContain('/weather london');
    expect(text).toContain('> Called get_weather: `{"city":"london"}`');
    expect(text).toContain('The weather in **london**');
    expect(tokens.size).toBeGreaterThan(0);
    for (const token of tokens) expect(text).not.toContain(token);
  });

  it('as JSON: every message with its raw events, without a token', async () => {
    await askWeather();
    const { name, text } = await exported('JSON');
    expect(name).toMatch(/\.json$/);
    const document = JSON.parse(text) as { messages: Array<{ role: string; events?: unknown[] }> };
    expect(document.messages.map((message) => message.role)).toEqual(['user', 'agent']);
    expect(document.messages[1].events?.length).toBeGreaterThan(3);
    for (const token of tokens) expect(text).not.toContain(token);
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { answerWhenSettled, authStatus, lastAnswer, messageBox, send, signedInPage, signIn } from '../support/console-page.ts';
import { freePort } from '../support/processes.ts';
import { startStrictAgent } from '../support/stack-helpers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
/** A stream that has to start, or grow by a line, on two shared cores. */
const SLOW = { timeout: 30_000 };

/** The contexts a test opened, closed after it: no test goes on with a page another one left. */
const opened: BrowserContext[] = [];

afterEach(async () => {
  resetConfigJson(stack.distDir);
  await Promise.all(opened.splice(0).map((context) => context.close()));
});

/** Every dialog a page of `context` opens: noted, then dismissed. */
function watchDialogs(context: BrowserContext): string[] {
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function newPage(context?: BrowserContext) {
  const own = context ?? (await browser.newContext());
  if (!context) opened.push(own);
  const dialogs = watchDialogs(own);
  const page = await own.newPage();
  return { page, dialogs };
}

/** A fresh tab of its own, signed in as alice, its message box ready. */
async function signedInChat() {
  let dialogs: string[] = [];
  const { context, page } = await signedInPage(browser, stack.consoleUrl, 'alice', {
    watch: (context) => {
      dialogs = watchDialogs(context);
    },
  });
  opened.push(context);
  await expect.poll(() => messageBox(page).isEnabled(), SLOW).toBe(true);
  return { page, dialogs };
}

/** Sends `prompt` and waits until its answer has ended and rendered. */
async function ask(page: Page, prompt: string) {
  const answers = page.getByRole('log').locator('article.message.agent');
  const before = await answers.count();
  await send(page, prompt);
  await expect.poll(() => answers.count(), SLOW).toBe(before + 1);
  return answerWhenSettled(page);
}

/**
 * Resolves once the tab, having left for the pool's logout page, is back on the console and loaded. Set up before
 * the click on "Sign out": the console says "Signed out" before it leaves, and its address is the one it comes back
 * to, so neither tells that the round trip through the pool is over.
 */
function backFromPoolLogout(page: Page) {
  let left = false;
  return page
    .waitForEvent('framenavigated', {
      predicate: (frame) => {
        if (frame !== page.mainFrame()) return false;
        const onConsole = frame.url().startsWith(`${stack.consoleUrl}/`);
        if (!onConsole) left = true;
        return left && onConsole;
      },
      timeout: 30_000,
    })
    .then(() => page.waitForLoadState());
}

/** Two frames rendered: a size laid out before them has been reported to the page's ResizeObservers. */
/** How many pixels of a PNG have the CSS colour `rgb(...)` (decoded in a blank page of its own: no CSP there). */
async function pixelsOfColour(png: Buffer, colour: string): Promise<number> {
  const context = await browser.newContext();
  const blank = await context.newPage();
  try {
    return await blank.evaluate(
      async ({ data, colour }) => {
        const [red, green, blue] = (colour.match(/\d+/g) ?? []).map(Number);
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let index = 0; index < pixels.length; index += 4) {
          const near = (value: number, wanted: number) => Math.abs(value - wanted) <= 8;
          if (near(pixels[index], red) && near(pixels[index + 1], green) && near(pixels[index + 2], blue)) count++;
        }
        return count;
      },
      { data: png.toString('base64'), colour },
    );
  } finally {
    await context.close();
  }
}

const framesRendered = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** A fresh tab of its own on the console, signed out. */
async function signedOutChat() {
  const { page } = await newPage();
  await page.goto(`${stack.consoleUrl}/`);
  await page.locator('.auth-status', { hasText: 'Signed out' }).waitFor();
  return page;
}

describe('talking to the agent', () => {
  it('answers a call before sign-in with 401 and "Sign in", keeping the prompt', async () => {
    const page = await signedOutChat();
    await send(page, 'Hello agent');
    const text = await answerWhenSettled(page);
    expect(text).toContain('401 Unauthorized');
    expect(text).toContain('Sign in');
    expect(await lastAnswer(page).getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await messageBox(page).inputValue()).toBe('Hello agent');
    const call = await page.getByRole('table', { name: 'Call log' }).locator('tbody tr').first().textContent();
    expect(call).toContain('401');
    expect(call).toContain('signed out');
  });

  it('after sign-in, the kept prompt is sent and the agent greets the user by name', async () => {
    // A prompt sent signed out, answered with 401 and "Sign in".
    const page = await signedOutChat();
    await send(page, 'Hello agent');
    expect(await answerWhenSettled(page)).toContain('401 Unauthorized');
    await lastAnswer(page).getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('alice-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.waitForURL(`${stack.consoleUrl}/`);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    // The conversation and the draft survived the round trip through the pool.
    expect(await page.getByRole('log').textContent()).toContain('401 Unauthorized');
    expect(await messageBox(page).inputValue()).toBe('Hello agent');
    await page.getByRole('button', { name: 'Send' }).click();
    const text = await answerWhenSettled(page);
    expect(text).toContain('Hello, Alice Liddell! You said: “Hello agent”.');
    expect(await messageBox(page).inputValue()).toBe('');
  });

  it('renders a streamed answer progressively, and its text once', async () => {
    const { page } = await signedInChat();
    const seen = new Set<string>();
    await send(page, '/stream a progressive answer');
    await expect
      .poll(
        async () => {
          seen.add((await lastAnswer(page).textContent()) ?? '');
          return lastAnswer(page).getAttribute('data-status');
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBe('done');
    const text = (await lastAnswer(page).textContent()) ?? '';
    expect(seen.size).toBeGreaterThan(3); // several partial states were on screen before the end
    expect(text.match(/You said: “a progressive answer”/g)).toHaveLength(1);
  });

  it('shows tool calls as compact lines and JSON objects as a formatted block', async () => {
    const { page } = await signedInChat();
    await send(page, '/weather Shanghai');
    expect(await answerWhenSettled(page)).toContain('The weather in Shanghai: cloudy, 22 °C.');
    expect(await lastAnswer(page).locator('details.tool-line summary').allTextContents()).toEqual([
      'Called get_weather {"city":"Shanghai"}',
      expect.stringContaining('Result of get_weather'),
    ]);
    await send(page, '/json');
    await answerWhenSettled(page);
    expect(await lastAnswer(page).locator('pre.json-block').textContent()).toContain('"tools": [');
  });

  it('renders GFM tables and code blocks with a copy button', async () => {
    const { page } = await signedInChat();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.consoleUrl });
    await send(page, '/help');
    await answerWhenSettled(page);
    expect(await lastAnswer(page).locator('table tr').count()).toBeGreaterThan(5);
    await lastAnswer(page).getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => lastAnswer(page).getByRole('button', { name: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl "\$AGENT_ENDPOINT\/invoke"/);
  });

  it('shows the AgentKit error of a failing agent, and an error frame that ends a stream', async () => {
    const { page } = await signedInChat();
    await send(page, '/fail');
    expect(await answerWhenSettled(page)).toContain(
      'The agent failed (500 RuntimeError): The agent code raised an exception (simulated by /fail).',
    );
    await send(page, '/stream-fail');
    const text = await answerWhenSettled(page);
    expect(text).toContain('Starting the work, this will not end well…');
    expect(text).toContain('The agent failed while answering (RuntimeError): The tool backend crashed midway (simulated).');
    expect(await lastAnswer(page).getAttribute('data-status')).toBe('error');
  });

  it('says so when the browser is offline, keeping the prompt', async () => {
    const { page } = await signedInChat();
    await page.context().setOffline(true);
    try {
      await send(page, 'are you there?');
      expect(await answerWhenSettled(page)).toContain('You are offline. Reconnect, then send again.');
      expect(await messageBox(page).inputValue()).toBe('are you there?');
    } finally {
      await page.context().setOffline(false);
    }
    await messageBox(page).fill('');
  });

  it('"Stop" aborts a running answer and keeps the partial text, marked as stopped', async () => {
    const { page } = await signedInChat();
    await send(page, '/slow');
    await expect.poll(() => lastAnswer(page).textContent(), SLOW).toContain('tick tick');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('stopped');
    expect(await lastAnswer(page).textContent()).toContain('Stopped: the answer above is partial.');
    expect(await page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
  });

  it('renders hostile markdown inert: no script, no handler, no javascript: or data: link', async () => {
    const { page, dialogs } = await signedInChat();
    await send(page, '/hostile');
    await answerWhenSettled(page);
    await lastAnswer(page).getByRole('link', { name: 'a safe link' }).waitFor();
    const answer = lastAnswer(page);
    expect(await page.evaluate(() => (window as unknown as { __agentConsolePwned?: boolean }).__agentConsolePwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await answer.locator('script, iframe, svg, form, [onerror], [onload]').count()).toBe(0);
    const hrefs = await answer.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => href && !href.startsWith('https://'))).toEqual([]);
    const safe = answer.getByRole('link', { name: 'a safe link' });
    expect(await safe.getAttribute('target')).toBe('_blank');
    expect(await safe.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows the whole focus ring of a link at the left edge of an answer', async () => {
    const { page } = await signedInChat();
    await ask(page, '/hostile');
    await lastAnswer(page).getByRole('link', { name: 'a safe link' }).waitFor();
    // The hostile answer's last link, "a safe link", starts its line (in a group of settled blocks: one more
    // line follows it): Shift+Tab from the message box reaches it, past the answer's "Events (N)".
    await messageBox(page).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Events \(\d+\)$/);
    await page.keyboard.press('Shift+Tab');
    const safe = lastAnswer(page).getByRole('link', { name: 'a safe link' });
    expect(await safe.evaluate((link) => link === document.activeElement && link.matches(':focus-visible'))).toBe(true);
    const ring = await safe.evaluate((link) => getComputedStyle(link).outlineColor);
    const box = await safe.boundingBox();
    if (!box) throw new Error('the link has no box');
    // A strip left of the link, where its ring (3 px wide, 2 px away) is drawn unless an ancestor clips it.
    const strip = await page.screenshot({ clip: { x: box.x - 5, y: box.y, width: 3, height: box.height } });
    expect(await pixelsOfColour(strip, ring)).toBeGreaterThan(box.height);
  });

  it('renders 2,000 streamed events progressively to the end', async () => {
    const { page } = await signedInChat();
    await send(page, '/count 2000');
    const text = await answerWhenSettled(page);
    expect(text).toContain('1999 2000');
    expect(text.match(/\b1000\b/g)).toHaveLength(1);
  });

  it('lists every call of this page in the call log with its status, mode and user', { timeout: 180_000 }, async () => {
    const { page } = await signedInChat();
    for (const prompt of ['Hello agent', '/stream a progressive answer', '/weather Shanghai', '/json', '/help', '/fail', '/stream-fail']) {
      await ask(page, prompt);
    }
    await page.context().setOffline(true);
    try {
      expect(await ask(page, 'are you there?')).toContain('You are offline.');
    } finally {
      await page.context().setOffline(false);
    }
    await messageBox(page).fill('');
    await send(page, '/slow');
    await expect.poll(() => lastAnswer(page).textContent(), SLOW).toContain('tick tick');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('stopped');
    await ask(page, '/hostile');
    await ask(page, '/count 2000');
    const rows = page.getByRole('table', { name: 'Call log' }).locator('tbody tr');
    const texts = await rows.allTextContents();
    // the greeting, /stream, /weather, /json, /help, /fail, /stream-fail, offline, /slow, /hostile, /count
    expect(texts).toHaveLength(11);
    expect(texts.filter((row) => row.includes('200') && row.includes('stream')).length).toBe(5);
    expect(texts.filter((row) => row.includes('500'))).toHaveLength(1);
    expect(texts.filter((row) => row.includes('no answer'))).toHaveLength(1);
    expect(texts.filter((row) => row.includes('stopped'))).toHaveLength(1);
    expect(texts.every((row) => row.includes('5f0c2a8e'))).toBe(true); // made as alice
  });

  it('follows a growing answer, and stops following once the user scrolls up', async () => {
    // Earlier answers, taller together than the log.
    const { page } = await signedInChat();
    await ask(page, '/help');
    await ask(page, '/count 2000');
    const log = page.getByRole('log');
    const height = () => log.evaluate((element) => element.scrollHeight);
    const distanceFromBottom = () => log.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
    await send(page, '/slow');
    await expect.poll(() => lastAnswer(page).textContent(), SLOW).toContain('tick tick tick');
    expect(await log.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    // Following is about growth: the log was at its bottom when the answer was added; once the answer is a line
    // taller, it is at its bottom again.
    const added = await height();
    await expect.poll(height, SLOW).toBeGreaterThan(added);
    await expect.poll(distanceFromBottom).toBeLessThan(5);
    // The user scrolls up a little, past the 48 px that still count as the bottom. The answer stays in view: one out
    // of view is not laid out (content-visibility), so its growth would change no size and prove nothing.
    const userTop = await log.evaluate((element) => {
      element.scrollTop -= 60;
      element.dispatchEvent(new Event('scroll'));
      return element.scrollTop;
    });
    const scrolledUp = await height();
    await expect.poll(height, SLOW).toBeGreaterThan(scrolledUp);
    // The growth has been reported to the log (frames rendered since): the log stays where the user put it.
    await framesRendered(page);
    expect(await log.evaluate((element) => element.scrollTop)).toBe(userTop);
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  it('keeps the draft and the conversation across a reload', async () => {
    const { page } = await signedInChat();
    await ask(page, '/weather Shanghai');
    await messageBox(page).fill('an unsent draft');
    const messages = await page.getByRole('log').locator('article').count();
    expect(messages).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    expect(await messageBox(page).inputValue()).toBe('an unsent draft');
    // The log is a chunk of its own, and a restored conversation may mount its older messages after the newest.
    await expect.poll(() => page.getByRole('log').locator('article').count()).toBe(messages);
  });

  it('"New conversation" starts a fresh session', async () => {
    const { page } = await signedInChat();
    await ask(page, 'Hello agent');
    const before = await page.locator('.chat-header .meta').textContent();
    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await page.getByRole('log').locator('article').count()).toBe(0);
    expect(await page.locator('.chat-header .meta').textContent()).not.toBe(before);
  });

  it('signing out clears the conversation and the draft', async () => {
    const { page } = await signedInChat();
    await send(page, 'something personal');
    await answerWhenSettled(page);
    await messageBox(page).fill('a personal draft');
    const back = backFromPoolLogout(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await back;
    await expect.poll(() => authStatus(page)).toBe('Signed out');
    // On the page the pool sent back, once its log is there (a chunk of its own): nothing of the conversation.
    await page.getByRole('log').waitFor();
    expect(await page.getByRole('log').locator('article').count()).toBe(0);
    expect(await messageBox(page).inputValue()).toBe('');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('personal');
  });
});

describe('calls that fail or need a renewal', () => {
  it('a session the agent keeps refusing: its reason, "Sign in", and the prompt kept', async () => {
    const strictAgent = await startStrictAgent(stack);
    try {
      setConfigJson(stack.distDir, { AGENT_ENDPOINT: strictAgent.url });
      const { page } = await newPage();
      await page.goto(`${stack.consoleUrl}/`);
      await signIn(page, stack.consoleUrl);
      await send(page, 'will you take my token?');
      const text = await answerWhenSettled(page);
      expect(text).toContain('The agent no longer accepts your session (401): client not allowed (client_id agent-console)');
      expect(await lastAnswer(page).getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      expect(await messageBox(page).inputValue()).toBe('will you take my token?');
      // The call log is a chunk of its own: read once it shows.
      await page.getByRole('table', { name: 'Call log' }).waitFor();
      const statuses = await page.getByRole('table', { name: 'Call log' }).locator('tbody tr td:nth-child(2)').allTextContents();
      expect(statuses).toEqual(['401 (replay)', '401']);
    } finally {
      await strictAgent.close();
    }
  });

  it('a call made after the access token expired succeeds without user action (renew and replay)', async () => {
    const context = await browser.newContext();
    opened.push(context);
    const { page } = await newPage(context);
    await page.clock.install();
    await page.goto(`${stack.short.consoleUrl}/`);
    await signIn(page, stack.short.consoleUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    // The token panel and the call log load beside the header; React reveals them on a timer, so let them show
    // before the clock stops.
    await page.getByRole('button', { name: 'Reveal token' }).waitFor();
    await page.getByText('No calls yet.').waitFor();
    // Freeze the page's clock: no scheduled renewal runs, so the token in memory really expires.
    await page.clock.pauseAt(Date.now() + 1000);
    await page.getByRole('button', { name: 'Reveal token' }).click();
    const token = (await page.locator('.token-text').textContent()) ?? '';
    await expect
      .poll(
        async () =>
          (
            await fetch(`${stack.short.agentUrl}/invoke`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}` },
              body: '{"prompt":"x"}',
            })
          ).status,
        { timeout: 30_000, interval: 500 },
      )
      .toBe(401);
    await send(page, 'after expiry');
    await expect.poll(() => lastAnswer(page).textContent(), { timeout: 20_000 }).toContain('You said: “after expiry”');
    const statuses = await page.getByRole('table', { name: 'Call log' }).locator('tbody tr td:nth-child(2)').allTextContents();
    expect(statuses).toEqual(['200 (replay)', '401']);
  });

  it('an agent that cannot be reached: the cause is named and the prompt is kept', async () => {
    const closed = await freePort();
    setConfigJson(stack.distDir, { AGENT_ENDPOINT: `http://127.0.0.1:${closed}` });
    const { page } = await newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await send(page, 'is anyone there?');
    const text = await answerWhenSettled(page);
    expect(text).toContain(`Could not reach the agent at http://127.0.0.1:${closed}/invoke`);
    expect(await messageBox(page).inputValue()).toBe('is anyone there?');
    expect(await page.getByRole('log').textContent()).toContain('is anyone there?');
  });

  it('an agent that refuses this origin: the answer names CORS and the fix', async () => {
    setConfigJson(stack.distDir, { AGENT_ENDPOINT: stack.agentUrl });
    const { page } = await newPage();
    await page.goto(`${stack.otherOriginUrl}/`);
    await send(page, 'hello from another origin');
    const text = await answerWhenSettled(page);
    expect(text).toContain('(CORS)');
    expect(text).toContain('Use a relative AGENT_ENDPOINT behind a proxy');
  });

  it('an agent answering directly with CORS works as well as through the proxy', async () => {
    setConfigJson(stack.distDir, { AGENT_ENDPOINT: stack.agentUrl });
    const { page } = await newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
    await send(page, 'direct call');
    expect(await answerWhenSettled(page)).toContain('You said: “direct call”');
  });
});

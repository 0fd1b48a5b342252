import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { consolePolicy } from '../../dev/csp.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { resetConfigJson, setConfigJson } from '../support/config-json.ts';
import { answerWhenSettled, authStatus, send, signIn } from '../support/console-page.ts';
import { stampPolicy } from '../support/csp-cli.ts';
import { chatStreams, debuggerVerifies, metaPolicy, renewsSilently } from '../support/csp-flows.ts';
import { deployCopy, previewSite } from '../support/csp-site.ts';
import { type CspViolation, expectNoCspViolations, takeCspViolations } from '../support/csp-watch.ts';
import { freePort } from '../support/processes.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

async function signedIn(consoleUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${consoleUrl}/`);
  await signIn(page, consoleUrl);
  await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
  return { context, page };
}

function directives(policy: string | null): Map<string, string[]> {
  const entries = (policy ?? '').split(';').map((directive) => directive.trim().split(/\s+/));
  return new Map(entries.filter(([name]) => name).map(([name, ...values]) => [name, values]));
}

describe('the built console under its Content-Security-Policy (vite preview)', () => {
  it('carries the strict policy in index.html, naming its own pool, with nothing inline allowed', async () => {
    for (const site of [stack, stack.short, stack.iframeOnly]) {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${site.consoleUrl}/`);
      const policy = directives(await metaPolicy(page));
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      // Each copy was re-stamped by `npm run csp` for the pool its config.json names; fetches reach no https host but
      // the ones configured (the local stack's loopback pools also reach other loopback ports).
      const loopback = ['http://127.0.0.1:*', 'http://localhost:*'];
      expect(policy.get('frame-src')).toEqual(["'self'", site.issuer, ...loopback]);
      expect(policy.get('connect-src')).toEqual(["'self'", site.issuer, ...loopback]);
      await page.context().close();
    }
  });

  it('blocks an image an injected tag points elsewhere: the violation is seen and the server gets no request', async () => {
    let hits = 0;
    const port = await freePort();
    const counter: Server = createServer((_request, response) => {
      hits += 1;
      response.end();
    });
    await new Promise<void>((resolve) => counter.listen(port, '127.0.0.1', resolve));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.consoleUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const target = `http://127.0.0.1:${port}/x`;
    await page.evaluate((src) => {
      const image = document.createElement('img');
      image.src = src;
      document.body.append(image);
    }, target);
    const seen: CspViolation[] = [];
    await expect.poll(() => seen.push(...takeCspViolations(context)) && seen.some((v) => v.blockedURI === target)).toBe(true);
    expect(seen.map((v) => v.directive)).toEqual(['img-src']);
    expect(hits).toBe(0);
    await new Promise((resolve) => counter.close(resolve));
  });

  it('signs in, restores after a reload, streams an answer and checks the token in the debugger without a violation', async () => {
    const { context, page } = await signedIn(stack.consoleUrl);
    await page.reload();
    // The reload restores the session through the prompt=none iframe and silent-callback.html: a page load and a
    // round trip through the pool, on two shared cores.
    await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe('Signed in as alice');
    await chatStreams(page, 'under the policy');
    await debuggerVerifies(page);
    expectNoCspViolations(context);
  });

  it('renews by refresh token and by the prompt=none iframe without a violation', async () => {
    const sessions = await Promise.all([signedIn(stack.short.consoleUrl), signedIn(stack.iframeOnly.consoleUrl)]);
    await Promise.all(sessions.map(({ page }) => renewsSilently(page)));
    for (const { context } of sessions) expectNoCspViolations(context);
  });
});

describe('a config.json the stamped policy does not cover', () => {
  afterEach(() => {
    resetConfigJson(stack.distDir);
  });

  it('shows the setup screen naming `npm run csp -- dist` until the copy is re-stamped', async () => {
    // Deployed like a build made without a pool: its policy names no pool at all.
    const copy = deployCopy(stack.distDir, { OAUTH2_ISSUER_URI: '' });
    await stampPolicy(copy);
    // The operator then writes the pool into config.json and does not run npm run csp.
    writeFileSync(join(copy, 'config.json'), JSON.stringify({ OAUTH2_ISSUER_URI: stack.issuer }));
    const { url, preview } = await previewSite(copy);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${url}/`);
      await page.getByRole('heading', { name: 'Set up Agent Console' }).waitFor();
      const text = await page.locator('main').textContent();
      expect(text).toContain(`OAUTH2_ISSUER_URI names ${stack.issuer}, but this page's Content-Security-Policy does not allow it`);
      expect(text).toContain('Run `npm run csp -- dist`');
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);

      await stampPolicy(copy);
      await page.reload();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Set up Agent Console' }).count()).toBe(0);
    } finally {
      await context.close();
      await preview.stop();
    }
  });

  /** What the policy blocked (and nothing else), taken so the file's watch does not count it as a slip. */
  function blockedOrigins(context: BrowserContext): string[] {
    const blocked = takeCspViolations(context).map((v) => `${v.directive} ${new URL(v.blockedURI).origin}`);
    return [...new Set(blocked)];
  }

  /** The console with the header an outdated `npm run csp` printed for another pool (the <meta> is right). */
  async function behindStaleHeader(): Promise<{ context: BrowserContext; page: Page }> {
    const header = consolePolicy({ pool: 'https://userpool-other.example.com' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(
      (url) => url.origin === stack.consoleUrl && url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': header } });
      },
    );
    return { context, page };
  }

  it('a sign-in the policy blocks names the policy and the command, not an unreachable pool', async () => {
    const { context, page } = await behindStaleHeader();
    try {
      // The call log's chunk is still on its way when the sign-in fails: the failure must not abort it (the
      // library's redirect navigator called window.stop(), and the call log said a new version was deployed).
      let releaseCallLog = () => {};
      const signInFailed = new Promise<void>((resolve) => {
        releaseCallLog = resolve;
      });
      await page.route(/\/assets\/call-log-panel-[\w-]+\.js$/, async (route) => {
        await signInFailed;
        await route.continue().catch(() => {}); // aborted by the page: the assertion below says so
      });
      await page.goto(`${stack.consoleUrl}/`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      releaseCallLog();
      const text = await alert.textContent();
      expect(text).toContain(`Content-Security-Policy blocked the request to ${stack.issuer}`);
      expect(text).toContain('Run `npm run csp -- dist`');
      expect(text).not.toContain('Could not reach the user pool');
      expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      await page.getByText('No calls yet.').waitFor();
      expect(await page.getByRole('alert').count()).toBe(1);
      expect(blockedOrigins(context)).toEqual([`connect-src ${stack.issuer}`]);
    } finally {
      await context.close();
    }
  });

  it('an agent call the policy blocks names the policy and the command, not a network error', async () => {
    setConfigJson(stack.distDir, { AGENT_ENDPOINT: stack.agentUrl });
    const { context, page } = await behindStaleHeader();
    try {
      await page.goto(`${stack.consoleUrl}/`);
      await send(page, 'blocked by the policy?');
      const text = await answerWhenSettled(page);
      expect(text).toContain(`Content-Security-Policy blocked the call to ${stack.agentUrl}/invoke`);
      expect(text).toContain('Run `npm run csp -- dist`');
      expect(text).not.toContain('Could not reach the agent');
      expect(blockedOrigins(context)).toContain(`connect-src ${stack.agentUrl}`);
    } finally {
      await context.close();
    }
  });
});

describe('the build', () => {
  it('publishes no source maps', () => {
    const assets = readdirSync(join(stack.distDir, 'assets'));
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const name of assets.filter((file) => /\.(js|css)$/.test(file))) {
      expect(readFileSync(join(stack.distDir, 'assets', name), 'utf8')).not.toContain('sourceMappingURL');
    }
  });

  it('prints the Content-Security-Policy header for the configured pool', () => {
    expect(stack.buildLog).toContain(`Content-Security-Policy: default-src 'self'; script-src 'self';`);
    expect(stack.buildLog).toContain(`connect-src 'self' ${stack.issuer} http://127.0.0.1:* http://localhost:*; `);
    expect(stack.buildLog).toContain(`frame-src 'self' ${stack.issuer} http://127.0.0.1:* http://localhost:*; `);
    expect(stack.buildLog).toContain("frame-ancestors 'none'");
  });
});

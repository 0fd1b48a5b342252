import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { chatStreams, debuggerVerifies, metaPolicy, renewsSilently } from '../support/csp-flows.ts';
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
      // Each copy was re-stamped by `npm run csp` for the pool its config.json names.
      expect(policy.get('frame-src')).toEqual(["'self'", site.issuer]);
      expect(policy.get('connect-src')).toContain(site.issuer);
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
    expect(stack.buildLog).toContain(`frame-src 'self' ${stack.issuer}; `);
    expect(stack.buildLog).toContain("frame-ancestors 'none'");
  });
});

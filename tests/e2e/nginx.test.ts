import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { nginxPolicyLine, stampPolicy } from '../support/csp-cli.ts';
import { chatStreams, debuggerVerifies } from '../support/csp-flows.ts';
import { expectNoCspViolations } from '../support/csp-watch.ts';
import { HOSTILE_TITLE_RAN, startHostileGateway } from '../support/hostile-gateway.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { ensureNginx, nginxConf, readmeNginxBlock, serverBlockOnly } from '../support/nginx.ts';
import { freePort, run, type Spawned, waitForUrl } from '../support/processes.ts';
import { startTlsGateway } from '../support/tls-gateway.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let nginx: Spawned;
/** The console's header policy, as `npm run csp` printed it for the served copy. */
let consoleHeader: string;
const README = join(process.cwd(), 'README.md');
const TLS_LINES = [
  'proxy_ssl_verify on;',
  'proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;',
  'proxy_ssl_server_name on;',
];
/** What every answer from the agent path carries: HTML from the gateway must never run as the console. */
const AGENT_PATH_POLICY = "sandbox; default-src 'none'";
const CONSOLE_POLICY_LINE = /add_header Content-Security-Policy "default-src 'self';[^\n]*" always;/;

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the README's nginx block no longer contains "${from}"`);
  return text.replace(from, to);
}

/** The README's block on a local port and root, forwarding to a plain-http upstream. */
function localBlock(listen: string, root: string, upstream: string): string {
  let block = readmeNginxBlock(README);
  block = replaceOnce(block, 'listen 8080;', `listen ${new URL(listen).host};`);
  block = replaceOnce(block, 'root /srv/agent-console;', `root ${root};`);
  block = replaceOnce(block, 'proxy_pass https://xxxx.apigateway-cn-beijing.volceapi.com/;', `proxy_pass ${upstream}/;`);
  // The local agent speaks plain http: its certificate checks have nothing to check (see the test below).
  for (const line of TLS_LINES) block = replaceOnce(block, line, '');
  return block;
}

beforeAll(async () => {
  const binary = ensureNginx();
  const scratch = mkdtempSync(join(tmpdir(), 'agent-console-nginx-'));
  const root = join(scratch, 'site');
  cpSync(stack.distDir, root, { recursive: true });
  chmodSync(scratch, 0o755);
  const policyLine = nginxPolicyLine(await stampPolicy(root));
  consoleHeader = /"(.*)"/.exec(policyLine)?.[1] ?? '';
  let block = localBlock(stack.nginxUrl, root, stack.agentUrl);
  if (!CONSOLE_POLICY_LINE.test(block)) throw new Error("the README's nginx block has no Content-Security-Policy line for the console");
  block = block.replace(CONSOLE_POLICY_LINE, () => policyLine);
  nginx = run(binary, ['-c', nginxConf(block, scratch)], process.env);
  await waitForUrl(`${stack.nginxUrl}/`, nginx);
});

afterAll(async () => {
  await nginx?.stop();
});

describe("the README's nginx example", () => {
  it('verifies the TLS certificate of the agent gateway it forwards bearer tokens to', async () => {
    const agentLocation = /location \/agent\/ \{[\s\S]*?\n {4}\}/.exec(readmeNginxBlock(README))?.[0] ?? '';
    for (const line of TLS_LINES) expect(agentLocation).toContain(line);
    // The block as written, in front of an https gateway whose certificate no system CA vouches for
    // refuses to forward; trusting that gateway's CA (a private CA, say) lets the same call through.
    const scratch = mkdtempSync(join(tmpdir(), 'agent-console-nginx-tls-'));
    const gateway = await startTlsGateway(scratch);
    const [asWritten, trusting] = [`http://127.0.0.1:${await freePort()}`, `http://127.0.0.1:${await freePort()}`];
    // Two different gateway host names: nginx shares one implicit upstream, TLS settings included, per host:port.
    const blockFor = (url: string, caFile?: string) => {
      const target = caFile ? gateway.url : gateway.url.replace('//localhost:', '//127.0.0.1:');
      let block = readmeNginxBlock(README);
      block = replaceOnce(block, 'listen 8080;', `listen ${new URL(url).host};`);
      block = replaceOnce(block, 'root /srv/agent-console;', `root ${scratch};`);
      block = replaceOnce(block, 'proxy_pass https://xxxx.apigateway-cn-beijing.volceapi.com/;', `proxy_pass ${target}/;`);
      if (caFile) block = replaceOnce(block, TLS_LINES[1], `proxy_ssl_trusted_certificate ${caFile};`);
      return block;
    };
    const tlsNginx = run(
      ensureNginx(),
      ['-c', nginxConf(blockFor(asWritten) + serverBlockOnly(blockFor(trusting, gateway.caFile)), scratch)],
      process.env,
    );
    try {
      await waitForUrl(`${asWritten}/`, tlsNginx);
      expect((await fetch(`${asWritten}/agent/invoke`, { method: 'POST' })).status).toBe(502);
      const trusted = await fetch(`${trusting}/agent/invoke`, { method: 'POST' });
      expect(trusted.status).toBe(200);
      expect(await trusted.json()).toEqual({ status: 'pong!' });
    } finally {
      await tlsNginx.stop();
      await gateway.close();
    }
  });

  it('sends the security headers with the console and a framable policy with silent-callback.html', async () => {
    for (const path of ['/', '/callback?code=x&state=y', '/debugger']) {
      const headers = (await fetch(`${stack.nginxUrl}${path}`)).headers;
      expect(headers.get('content-security-policy')).toBe(consoleHeader);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The local pool is on loopback: its policy also lets the console frame other loopback ports (dev/csp.ts).
    expect(consoleHeader).toContain(`frame-src 'self' ${stack.issuer} http://127.0.0.1:* http://localhost:*;`);
    expect(consoleHeader).toMatch(/; frame-ancestors 'none'$/);
    const silent = (await fetch(`${stack.nginxUrl}/silent-callback.html`)).headers;
    expect(silent.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    );
    expect(silent.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/config.json', '/assets/missing.js']) {
      expect((await fetch(`${stack.nginxUrl}${path}`)).headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('lets nobody frame the console, while the console frames its silent callback', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.nginxUrl}/`);
    const framed = async (path: string) => {
      const frame = await page.evaluateHandle(async (src) => {
        const iframe = document.createElement('iframe');
        iframe.src = src;
        document.body.append(iframe);
        await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
        return iframe;
      }, path);
      return (await (await frame.asElement()?.contentFrame())?.url()) ?? '';
    };
    expect(await framed('/debugger')).not.toBe(`${stack.nginxUrl}/debugger`);
    expect(await framed('/silent-callback.html')).toBe(`${stack.nginxUrl}/silent-callback.html`);
  });

  it('serves the SPA for its routes and caches only the hashed assets', async () => {
    for (const path of ['/', '/callback?code=x&state=y', '/debugger']) {
      const response = await fetch(`${stack.nginxUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
    const config = await fetch(`${stack.nginxUrl}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-store');
    const index = await (await fetch(`${stack.nginxUrl}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    const assetResponse = await fetch(`${stack.nginxUrl}${asset}`);
    expect(assetResponse.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${stack.nginxUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('forwards /agent/ with the user_id and session_id headers intact', async () => {
    const tokens = await loginOverHttp({
      issuer: stack.issuer,
      clientId: stack.clientId,
      redirectUri: `${stack.nginxUrl}/callback`,
      username: 'alice',
      password: 'alice-password',
    });
    const response = await fetch(`${stack.nginxUrl}/agent/invoke`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.access_token}`,
        'content-type': 'application/json',
        user_id: 'header-from-nginx',
        session_id: 's',
      },
      body: JSON.stringify({ prompt: 'through nginx' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(AGENT_PATH_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toContain('the `user_id` header says `header-from-nginx`');
  });

  it('forwards only what the console calls on the agent: POST /invoke and the ADK REST routes', async () => {
    // The local agent answers every path JSON (an error for the routes it lacks); nginx's own refusal is a 404 page.
    const answer = async (method: string, path: string) => {
      const response = await fetch(`${stack.nginxUrl}/agent${path}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      const byAgent = (response.headers.get('content-type') ?? '').includes('application/json');
      await response.body?.cancel();
      return { byAgent, status: response.status, policy: response.headers.get('content-security-policy') };
    };
    for (const [method, path] of [
      ['POST', '/invoke'],
      ['GET', '/list-apps'],
      ['GET', '/apps/agent/users/u/sessions'],
      ['POST', '/apps/agent/users/u/sessions/s'],
      ['DELETE', '/apps/agent/users/u/sessions/s'],
      ['POST', '/run_sse'],
    ]) {
      expect({ method, path, ...(await answer(method, path)) }).toMatchObject({ byAgent: true, policy: AGENT_PATH_POLICY });
    }
    for (const [method, path] of [
      ['GET', '/invoke'],
      ['GET', '/ping'],
      ['GET', '/health'],
      ['GET', '/consent/any'],
      ['PUT', '/apps/agent/users/u/sessions/s'],
      ['GET', '/run_sse'],
      ['GET', '/%69nvoke'],
    ]) {
      expect({ method, path, ...(await answer(method, path)) }).toMatchObject({ byAgent: false, status: 404, policy: AGENT_PATH_POLICY });
    }
  });

  it('runs the whole console behind it under its headers: sign-in, restore after a reload, a streamed answer, the debugger', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.nginxUrl}/`);
    await signIn(page, stack.nginxUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    // The restore runs the prompt=none iframe on silent-callback.html, which its frame-ancestors allows.
    await page.reload();
    await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe('Signed in as alice');
    await chatStreams(page, 'behind nginx');
    await debuggerVerifies(page);
    expectNoCspViolations(context);
  });
});

describe("the README's nginx example in front of a gateway that answers with pages and cookies", () => {
  let gateway: Awaited<ReturnType<typeof startHostileGateway>>;
  let proxy: Spawned;
  let proxyUrl: string;

  beforeAll(async () => {
    gateway = await startHostileGateway();
    const scratch = mkdtempSync(join(tmpdir(), 'agent-console-nginx-hostile-'));
    chmodSync(scratch, 0o755);
    proxyUrl = `http://127.0.0.1:${await freePort()}`;
    proxy = run(ensureNginx(), ['-c', nginxConf(localBlock(proxyUrl, scratch, gateway.url), scratch)], process.env);
    await waitForUrl(`${proxyUrl}/`, proxy);
  });

  afterAll(async () => {
    await proxy?.stop();
    await gateway?.close();
  });

  it('strips the Set-Cookie and marks the page as sandboxed, unsniffed data', async () => {
    const response = await fetch(`${proxyUrl}/agent/list-apps`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Gateway page');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe(AGENT_PATH_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('opens the gateway’s HTML without running its script, and not as the console’s origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${proxyUrl}/agent/list-apps`);
    await page.getByRole('heading', { name: 'Gateway page' }).waitFor();
    expect(await page.title()).not.toBe(HOSTILE_TITLE_RAN);
    expect(await page.evaluate(() => window.origin)).toBe('null');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});

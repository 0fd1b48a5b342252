/**
 * `npm run deploy -- <host> --serve` for each host whose real software runs here: the built console, deployed by the
 * command as an operator runs it, served by nginx, Caddy or Cloudflare's workerd (wrangler pages dev), in front of a
 * local user pool and agent. Between the host and the agent sits a tap that records what reaches the agent and adds
 * a cookie to every answer, as a careless gateway might.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAgentServer, type RunningAgent } from '../../dev/agent/create-agent-server.ts';
import { consolePolicy, headerPolicy, SILENT_CALLBACK_POLICY } from '../../dev/csp.ts';
import { LOCAL_CLIENT_ID } from '../../dev/defaults.ts';
import { examplePlan } from '../../dev/deploy/example.ts';
import { caddyfile } from '../../dev/deploy/hosts/caddy.ts';
import { nginxMainConf, nginxScratchDirs, nginxSite } from '../../dev/deploy/hosts/nginx.ts';
import { createUserPool, type RunningUserPool } from '../../dev/userpool/create-user-pool.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { chatStreams, renewsSilently } from '../support/csp-flows.ts';
import { expectNoCspViolations } from '../support/csp-watch.ts';
import { HOSTILE_TITLE_RAN, startHostileGateway } from '../support/hostile-gateway.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { ensureCaddy, ensureNginx } from '../support/nginx.ts';
import { freePort, run, type Spawned, waitForUrl } from '../support/processes.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
const AGENT_ANSWER_POLICY = "sandbox; default-src 'none'";
const ACCESS_TOKEN_TTL_SECONDS = 15;
const HOSTS = [
  { name: 'nginx', binary: () => ({ NGINX_PATH: ensureNginx() }) },
  { name: 'caddy', binary: () => ({ CADDY_PATH: ensureCaddy() }) },
  { name: 'cloudflare', binary: () => ({}) },
] as const;

/** What reached the agent through the host. */
interface Seen {
  method: string;
  path: string;
  userId?: string;
  authorization?: string;
}

interface Tap {
  url: string;
  seen: Seen[];
  /** Lets the held stream of `?handshake` send its last frame. */
  release: () => void;
  close: () => Promise<void>;
}

function header(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Forwards to the agent and records each request; `?page=hostile` goes to a gateway that answers with a scripted
 * page, and `?handshake` is a stream the tap holds after its first frame until the test has received that frame.
 */
async function startTap(agentUrl: string, hostileUrl: string): Promise<Tap> {
  const seen: Seen[] = [];
  let release = () => {};
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://tap');
    if (url.searchParams.has('handshake')) {
      outgoing.writeHead(200, { 'content-type': 'text/event-stream' });
      outgoing.write('data: "first"\n\n');
      release = () => outgoing.end('data: "last"\n\n');
      return;
    }
    const upstream = new URL(url.searchParams.get('page') === 'hostile' ? hostileUrl : agentUrl);
    seen.push({
      method: incoming.method ?? '',
      path: url.pathname,
      userId: header(incoming, 'user_id'),
      authorization: header(incoming, 'authorization'),
    });
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'set-cookie': 'agent_session=planted; Path=/; SameSite=Lax' });
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    release: () => release(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Counts the page's renewals at the pool by kind: refresh-token grants and prompt=none authorizations (the iframe). */
function recordPoolCalls(page: Page) {
  const calls = { refreshGrants: 0, silentAuthorizations: 0 };
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (url.origin !== pool.issuer) return;
    if (url.pathname === '/oauth/token' && new URLSearchParams(sent.postData() ?? '').get('grant_type') === 'refresh_token') {
      calls.refreshGrants += 1;
    }
    if (url.pathname === '/authorize' && url.searchParams.get('prompt') === 'none') calls.silentAuthorizations += 1;
  });
  return calls;
}

const sites = await Promise.all(HOSTS.map(async (host) => ({ ...host, url: `http://127.0.0.1:${await freePort()}` })));
let pool: RunningUserPool;
let agent: RunningAgent;
let hostile: Awaited<ReturnType<typeof startHostileGateway>>;
let tap: Tap;

beforeAll(async () => {
  const origins = sites.map((site) => site.url);
  // Short-lived tokens, so the console renews (by refresh token, then by the prompt=none iframe) through each host.
  pool = await createUserPool({ port: await freePort(), consoleOrigins: origins, accessTokenTtl: ACCESS_TOKEN_TTL_SECONDS });
  agent = await createAgentServer({
    port: await freePort(),
    auth: { discoveryUrl: `${pool.issuer}/.well-known/openid-configuration`, allowedClients: [LOCAL_CLIENT_ID], clockLeewaySeconds: 0 },
    corsOrigins: [],
    audit: () => {},
  });
  hostile = await startHostileGateway();
  tap = await startTap(agent.url, hostile.url);
});

afterAll(async () => {
  await tap?.close();
  await hostile?.close();
  await agent?.close();
  await pool?.close();
});

describe.each(sites)('npm run deploy -- $name --serve', (site) => {
  let served: Spawned;
  const consoleHeader = () => headerPolicy(consolePolicy({ pool: pool.issuer }), "'none'");

  beforeAll(async () => {
    const dist = join(mkdtempSync(join(tmpdir(), `agent-console-deploy-${site.name}-`)), 'dist');
    cpSync(stack.distDir, dist, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...site.binary(),
      CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')),
      CONSOLE_PORT: new URL(site.url).port,
      OAUTH2_ISSUER_URI: pool.issuer,
      OAUTH2_CLIENT_ID: LOCAL_CLIENT_ID,
      AGENT_NAME: 'Deployed Agent',
      AGENT_ENDPOINT: '/agent',
      AGENT_PROXY_TARGET: tap.url,
    };
    for (const key of ['OAUTH2_REDIRECT_URI', 'OAUTH2_SCOPES', 'TRUSTED_ISSUERS', 'OAUTH2_CLIENT_SECRET']) delete env[key];
    served = run(process.execPath, [TSX, join(process.cwd(), 'dev', 'deploy', 'cli.ts'), site.name, '--serve', '--dist', dist], env);
    await waitForUrl(`${site.url}/`, served, 120_000);
  });

  afterAll(async () => {
    await served?.stop();
  });

  it('serves the console at its routes with the policy as a header, and caches only the hashed assets', async () => {
    for (const path of ['/', '/callback?code=x&state=y', '/debugger']) {
      const response = await fetch(`${site.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toBe(consoleHeader());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    const config = await fetch(`${site.url}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(config.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await config.json()).toMatchObject({ OAUTH2_ISSUER_URI: pool.issuer, AGENT_ENDPOINT: '/agent', AGENT_NAME: 'Deployed Agent' });
    const silent = await fetch(`${site.url}/silent-callback.html`);
    expect(silent.headers.get('content-security-policy')).toBe(headerPolicy(SILENT_CALLBACK_POLICY, "'self'"));
    expect(silent.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${site.url}/`)).text())?.[1];
    expect((await fetch(`${site.url}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${site.url}/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });

  it('forwards only what the console calls on the agent, as sandboxed data without cookies', async () => {
    const answer = async (method: string, path: string) => {
      const before = tap.seen.length;
      const response = await fetch(`${site.url}/agent${path}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      await response.body?.cancel();
      return {
        reachedAgent: tap.seen.length > before,
        status: response.status,
        policy: response.headers.get('content-security-policy'),
        nosniff: response.headers.get('x-content-type-options'),
        cookie: response.headers.get('set-cookie'),
      };
    };
    const data = { policy: AGENT_ANSWER_POLICY, nosniff: 'nosniff', cookie: null };
    for (const [method, path] of [
      ['POST', '/invoke'],
      ['GET', '/list-apps'],
      ['GET', '/apps/agent/users/u/sessions'],
      ['POST', '/apps/agent/users/u/sessions/s'],
      ['DELETE', '/apps/agent/users/u/sessions/s'],
      ['POST', '/run_sse'],
    ]) {
      expect({ method, path, ...(await answer(method, path)) }).toMatchObject({ method, path, reachedAgent: true, ...data });
    }
    for (const [method, path] of [
      ['GET', '/invoke'],
      ['GET', '/ping'],
      ['GET', '/health'],
      ['GET', '/consent/any'],
      ['PUT', '/apps/agent/users/u/sessions/s'],
      ['GET', '/run_sse'],
      ['GET', '/'],
    ]) {
      expect({ method, path, ...(await answer(method, path)) }).toMatchObject({
        method,
        path,
        reachedAgent: false,
        status: 404,
        policy: AGENT_ANSWER_POLICY,
      });
    }
  });

  it('passes a streamed answer on frame by frame, with the user_id and session_id headers intact', async () => {
    const tokens = await loginOverHttp({
      issuer: pool.issuer,
      clientId: LOCAL_CLIENT_ID,
      redirectUri: `${site.url}/callback`,
      username: 'alice',
      password: 'alice-password',
    });
    const invoke = await fetch(`${site.url}/agent/invoke`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.access_token}`,
        'content-type': 'application/json',
        user_id: 'header-from-host',
        session_id: 's',
      },
      body: JSON.stringify({ prompt: `through ${site.name}` }),
    });
    expect(await invoke.json()).toContain('the `user_id` header says `header-from-host`');
    // The tap sends its second frame only once the first has reached this client: a host that buffers never delivers.
    const stream = await fetch(`${site.url}/agent/run_sse?handshake`, { method: 'POST', body: '{}' });
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('"first"')) received += (await reader?.read())?.value ?? '';
    tap.release();
    while (!received.includes('"last"')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += chunk.value;
    }
    expect(received).toBe('data: "first"\n\ndata: "last"\n\n');
  });

  it('opens a gateway’s HTML page without running its script, and not as the console’s origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/agent/list-apps?page=hostile`);
    await page.getByRole('heading', { name: 'Gateway page' }).waitFor();
    expect(await page.title()).not.toBe(HOSTILE_TITLE_RAN);
    expect(await page.evaluate(() => window.origin)).toBe('null');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('runs the whole console: sign-in, renewal by refresh token and by iframe, a streamed answer whose user_id is the token’s sub, a reload that restores, the debugger', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const poolCalls = recordPoolCalls(page);
    pool.setIssueRefreshTokens(true);
    try {
      await page.goto(`${site.url}/`);
      await signIn(page, site.url);
      await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
      await renewsSilently(page);
      expect(poolCalls.refreshGrants).toBeGreaterThan(0);
      const before = tap.seen.length;
      await chatStreams(page, `behind ${site.name}`);
      const call = tap.seen.slice(before).find((seen) => seen.method === 'POST' && seen.path === '/invoke');
      const sub = decodeJwt(call?.authorization?.replace(/^Bearer /, '') ?? '').sub;
      expect(sub).toBeTruthy();
      expect(call?.userId).toBe(sub);
      // Without a refresh token, the restore and every renewal run the prompt=none iframe on silent-callback.html,
      // which its own policy and frame-ancestors must allow on this host.
      pool.setIssueRefreshTokens(false);
      await page.reload();
      await expect.poll(() => authStatus(page), { timeout: 30_000 }).toBe('Signed in as alice');
      const [restores, refreshes] = [poolCalls.silentAuthorizations, poolCalls.refreshGrants];
      await renewsSilently(page);
      expect(poolCalls.silentAuthorizations).toBeGreaterThan(restores);
      expect(poolCalls.refreshGrants).toBe(refreshes);
      await page.goto(`${site.url}/debugger`);
      await page.getByRole('heading', { name: 'Token debugger' }).waitFor();
      // The pool's own cookies share the host 127.0.0.1 (cookies ignore ports); the agent's never arrive.
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('agent_session');
      expectNoCspViolations(context);
    } finally {
      pool.setIssueRefreshTokens(true);
      await context.close();
    }
  });
});

describe('the sites npm run deploy writes for an https origin (as in docs/deploy.md)', () => {
  it('are accepted by nginx -t and caddy adapt', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'agent-console-tls-sites-'));
    // nginx resolves the gateway's name as it loads, so a name that resolves offline stands in for it.
    const plan = (host: 'nginx' | 'caddy') => examplePlan(host, { agent: { path: '/agent', target: 'https://localhost:9/base' } });
    const [cert, key] = [join(scratch, 'cert.pem'), join(scratch, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=console.example.com',
        '-days',
        '1',
      ],
      {
        stdio: 'ignore',
      },
    );
    const site = nginxSite(plan('nginx'))
      .replace('/etc/letsencrypt/live/console.example.com/fullchain.pem', cert)
      .replace('/etc/letsencrypt/live/console.example.com/privkey.pem', key);
    expect(site).toContain('listen 443 ssl;');
    writeFileSync(join(scratch, 'site.conf'), site);
    for (const dir of nginxScratchDirs(scratch)) mkdirSync(dir, { recursive: true });
    writeFileSync(join(scratch, 'nginx.conf'), nginxMainConf([join(scratch, 'site.conf')], scratch));
    execFileSync(ensureNginx(), ['-t', '-e', 'stderr', '-c', join(scratch, 'nginx.conf')], { stdio: 'pipe' });
    writeFileSync(join(scratch, 'Caddyfile'), caddyfile(plan('caddy')));
    const adapted = JSON.parse(
      execFileSync(ensureCaddy(), ['adapt', '--adapter', 'caddyfile', '--config', join(scratch, 'Caddyfile')], { encoding: 'utf8' }),
    );
    expect(JSON.stringify(adapted)).toContain('"console.example.com"');
  });
});

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createAdkAgentServer } from '../../dev/adk-agent/create-adk-agent-server.ts';
import { createAgentServer } from '../../dev/agent/create-agent-server.ts';
import { LOCAL_CLIENT_ID, LOCAL_PARTNER_CLIENT_ID } from '../../dev/defaults.ts';
import { createUserPool } from '../../dev/userpool/create-user-pool.ts';
import { stampPolicy } from '../support/csp-cli.ts';
import { finished, freePort, run, waitForUrl } from '../support/processes.ts';

/** One console origin with its own user pool and agent. */
export interface Site {
  consoleUrl: string;
  /** The same console on another origin ("localhost"), whose calls the pool's CORS refuses. */
  otherOriginUrl: string;
  issuer: string;
  agentUrl: string;
  distDir: string;
}

/** What the end-to-end tests get from the global set-up (JSON only: it crosses into the test workers). */
export interface Stack extends Site {
  chromePath: string;
  /** A port kept for the README's nginx example, registered with the main pool like a console origin. */
  nginxUrl: string;
  clientId: string;
  partnerClientId: string;
  /** The main pool's private signing key, so tests can mint tokens the pool "would" sign (expired, wrong iss, …). */
  signingKey: JWK;
  buildLog: string;
  clientSecretSentinel: string;
  /** Access tokens live 15 s; renewal by refresh token. */
  short: Site;
  /** Access tokens live 15 s and the pool issues no refresh token: renewal through the prompt=none iframe. */
  iframeOnly: Site;
  /** The agent is the local ADK runtime (dev/adk-agent): conversations live there, as ADK sessions. */
  adk: Site;
}

export const CLIENT_SECRET_SENTINEL = 'sentinel-client-secret-must-never-ship-4f2b9c';
const SHORT_TTL_SECONDS = 15;
const VITE = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'test-pool-key', alg: 'RS256', use: 'sig' };
}

function consoleEnv(port: number, agentUrl: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')),
    CONSOLE_PORT: String(port),
    AGENT_ENDPOINT: '/agent',
    AGENT_PROXY_TARGET: agentUrl,
    ...extra,
  };
}

async function startBackends(options: {
  accessTokenTtl?: number;
  issueRefreshTokens?: boolean;
  key?: JWK;
  extraOrigins?: string[];
  /** The local ADK runtime instead of the /invoke-only agent. */
  adk?: boolean;
}) {
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}`;
  const otherOriginUrl = `http://localhost:${port}`;
  const extraOrigins = options.extraOrigins ?? [];
  const pool = await createUserPool({
    port: await freePort(),
    consoleOrigins: [consoleUrl, otherOriginUrl, ...extraOrigins],
    corsOrigins: [consoleUrl, ...extraOrigins],
    signingKey: options.key,
    accessTokenTtl: options.accessTokenTtl,
    issueRefreshTokens: options.issueRefreshTokens,
  });
  const agent = await (options.adk ? createAdkAgentServer : createAgentServer)({
    port: await freePort(),
    auth: {
      discoveryUrl: `${pool.issuer}/.well-known/openid-configuration`,
      allowedClients: [LOCAL_CLIENT_ID],
      // With 15-second tokens, 30 s of leeway would keep an expired token accepted longer than the tests wait.
      ...(options.accessTokenTtl ? { clockLeewaySeconds: 0 } : {}),
    },
    corsOrigins: [consoleUrl],
    audit: () => {},
  });
  return { port, consoleUrl, otherOriginUrl, pool, agent };
}

async function serve(distDir: string, env: NodeJS.ProcessEnv, url: string) {
  const preview = run(process.execPath, [VITE, 'preview', '--outDir', distDir], env);
  await waitForUrl(`${url}/`, preview);
  return preview;
}

/**
 * The local pools and agents in this process; the console built once (with a client secret in the
 * environment, to prove it is not bundled) and served by `vite preview` per site, copies configured by config.json.
 */
export async function startStack(chromePath: string) {
  const key = await signingKey();
  const nginxUrl = `http://127.0.0.1:${await freePort()}`;
  const main = await startBackends({ key, extraOrigins: [nginxUrl] });
  const short = await startBackends({ accessTokenTtl: SHORT_TTL_SECONDS });
  const iframeOnly = await startBackends({ accessTokenTtl: SHORT_TTL_SECONDS, issueRefreshTokens: false });
  const adk = await startBackends({ adk: true });

  const distDir = mkdtempSync(join(tmpdir(), 'agent-console-dist-'));
  const buildEnv = consoleEnv(main.port, main.agent.url, {
    OAUTH2_ISSUER_URI: main.pool.issuer,
    OAUTH2_CLIENT_ID: LOCAL_CLIENT_ID,
    OAUTH2_CLIENT_SECRET: CLIENT_SECRET_SENTINEL,
    AGENT_NAME: 'Test Agent',
  });
  const build = run(process.execPath, [VITE, 'build', '--outDir', distDir, '--emptyOutDir'], buildEnv);
  if ((await finished(build)) !== 0) throw new Error(`vite build failed:\n${build.output()}`);

  const previews = [await serve(distDir, buildEnv, main.consoleUrl)];
  const sites: Site[] = [];
  for (const backends of [short, iframeOnly, adk]) {
    const copy = mkdtempSync(join(tmpdir(), 'agent-console-site-'));
    cpSync(distDir, copy, { recursive: true });
    writeFileSync(join(copy, 'config.json'), JSON.stringify({ OAUTH2_ISSUER_URI: backends.pool.issuer }));
    // As an operator would: the copy's Content-Security-Policy must name its own pool (connect-src, frame-src).
    await stampPolicy(copy);
    previews.push(await serve(copy, consoleEnv(backends.port, backends.agent.url), backends.consoleUrl));
    sites.push({
      consoleUrl: backends.consoleUrl,
      otherOriginUrl: backends.otherOriginUrl,
      issuer: backends.pool.issuer,
      agentUrl: backends.agent.url,
      distDir: copy,
    });
  }

  const stack: Stack = {
    chromePath,
    nginxUrl,
    consoleUrl: main.consoleUrl,
    otherOriginUrl: main.otherOriginUrl,
    issuer: main.pool.issuer,
    agentUrl: main.agent.url,
    distDir,
    clientId: LOCAL_CLIENT_ID,
    partnerClientId: LOCAL_PARTNER_CLIENT_ID,
    signingKey: key,
    buildLog: build.output(),
    clientSecretSentinel: CLIENT_SECRET_SENTINEL,
    short: sites[0],
    iframeOnly: sites[1],
    adk: sites[2],
  };
  return {
    stack,
    stop: async () => {
      await Promise.allSettled(previews.map((preview) => preview.stop()));
      await Promise.allSettled([main, short, iframeOnly, adk].flatMap((backends) => [backends.agent.close(), backends.pool.close()]));
    },
  };
}

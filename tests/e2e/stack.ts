import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createAgentServer } from '../../dev/agent/create-agent-server.ts';
import { LOCAL_CLIENT_ID, LOCAL_PARTNER_CLIENT_ID } from '../../dev/defaults.ts';
import { createUserPool } from '../../dev/userpool/create-user-pool.ts';
import { finished, freePort, run, type Spawned, waitForUrl } from '../support/processes.ts';

/** What the end-to-end tests get from the global set-up (JSON only: it crosses into the test workers). */
export interface Stack {
  chromePath: string;
  consoleUrl: string;
  issuer: string;
  agentUrl: string;
  clientId: string;
  partnerClientId: string;
  /** The pool's private signing key, so tests can mint tokens the pool "would" sign (expired, wrong iss, …). */
  signingKey: JWK;
  distDir: string;
  buildLog: string;
  clientSecretSentinel: string;
}

export const CLIENT_SECRET_SENTINEL = 'sentinel-client-secret-must-never-ship-4f2b9c';
const VITE = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'test-pool-key', alg: 'RS256', use: 'sig' };
}

/** The local pool and agent in this process, the console built for them and served by `vite preview`. */
export async function startStack(chromePath: string) {
  const [consolePort, poolPort, agentPort] = [await freePort(), await freePort(), await freePort()];
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const key = await signingKey();
  const pool = await createUserPool({ port: poolPort, consoleOrigins: [consoleUrl], signingKey: key });
  const agent = await createAgentServer({
    port: agentPort,
    auth: { discoveryUrl: `${pool.issuer}/.well-known/openid-configuration`, allowedClients: [LOCAL_CLIENT_ID] },
    corsOrigins: [consoleUrl],
    audit: () => {},
  });

  const distDir = mkdtempSync(join(tmpdir(), 'agent-console-dist-'));
  const env = {
    ...process.env,
    CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')),
    CONSOLE_PORT: String(consolePort),
    OAUTH2_ISSUER_URI: pool.issuer,
    OAUTH2_CLIENT_ID: LOCAL_CLIENT_ID,
    OAUTH2_CLIENT_SECRET: CLIENT_SECRET_SENTINEL,
    AGENT_NAME: 'Test Agent',
    AGENT_ENDPOINT: '/agent',
    AGENT_PROXY_TARGET: agent.url,
  };
  const build = run(process.execPath, [VITE, 'build', '--outDir', distDir, '--emptyOutDir'], env);
  if ((await finished(build)) !== 0) throw new Error(`vite build failed:\n${build.output()}`);
  const preview: Spawned = run(process.execPath, [VITE, 'preview', '--outDir', distDir], env);
  await waitForUrl(`${consoleUrl}/`, preview);

  const stack: Stack = {
    chromePath,
    consoleUrl,
    issuer: pool.issuer,
    agentUrl: agent.url,
    clientId: LOCAL_CLIENT_ID,
    partnerClientId: LOCAL_PARTNER_CLIENT_ID,
    signingKey: key,
    distDir,
    buildLog: build.output(),
    clientSecretSentinel: CLIENT_SECRET_SENTINEL,
  };
  return {
    stack,
    stop: async () => {
      await preview.stop();
      await Promise.allSettled([agent.close(), pool.close()]);
    },
  };
}

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AgentServerOptions, createAgentServer, type RunningAgent } from '../../dev/agent/create-agent-server.ts';
import { restamp } from '../../dev/csp-stamp.ts';
import { LOCAL_CLIENT_ID } from '../../dev/defaults.ts';
import { createUserPool, type RunningUserPool, type UserPoolOptions } from '../../dev/userpool/create-user-pool.ts';
import type { Stack } from '../e2e/stack.ts';
import { freePort, run, type Spawned, waitForUrl } from './processes.ts';

const VITE = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');

/** A console of the stack's build with a pool (and agent) of the test's own, so the test can shape the pool. */
export interface OwnSite {
  consoleUrl: string;
  pool: RunningUserPool;
  agent: RunningAgent;
  close(): Promise<void>;
}

export async function startOwnSite(
  stack: Stack,
  pool: Omit<UserPoolOptions, 'port' | 'consoleOrigins'> = {},
  agentOptions: Pick<AgentServerOptions, 'consentTimeoutSeconds'> = {},
): Promise<OwnSite> {
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}`;
  const userPool = await createUserPool({ ...pool, port: await freePort(), consoleOrigins: [consoleUrl] });
  const agent = await createAgentServer({
    port: await freePort(),
    auth: { discoveryUrl: `${userPool.issuer}/.well-known/openid-configuration`, allowedClients: [LOCAL_CLIENT_ID] },
    corsOrigins: [consoleUrl],
    audit: () => {},
    ...agentOptions,
  });
  const distDir = mkdtempSync(join(tmpdir(), 'agent-console-own-site-'));
  cpSync(stack.distDir, distDir, { recursive: true });
  writeFileSync(join(distDir, 'config.json'), JSON.stringify({ OAUTH2_ISSUER_URI: userPool.issuer }));
  restamp(distDir);
  const env = {
    ...process.env,
    CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')),
    CONSOLE_PORT: String(port),
    AGENT_ENDPOINT: '/agent',
    AGENT_PROXY_TARGET: agent.url,
  };
  const preview: Spawned = run(process.execPath, [VITE, 'preview', '--outDir', distDir], env);
  await waitForUrl(`${consoleUrl}/`, preview);
  return {
    consoleUrl,
    pool: userPool,
    agent,
    close: async () => {
      await preview.stop();
      await Promise.allSettled([agent.close(), userPool.close()]);
    },
  };
}

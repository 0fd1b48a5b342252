import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CLIENT_ID } from '../../dev/defaults.ts';
import { createUserPool } from '../../dev/userpool/create-user-pool.ts';
import { finished, freePort, run, waitForUrl } from '../support/processes.ts';
import { startStreamServer } from './stream-server.ts';

const VITE = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
/** The bare callback page lives on the console's own origin, at a redirect URI the pool registers for it. */
export const BARE_CALLBACK_PATH = '/bench/callback';

/**
 * One pool, the stand-in streaming agent, and the built console under `vite preview` (its /agent forwarded to
 * the stand-in), with the bare callback page copied beside it.
 */
export async function startBenchStack() {
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}`;
  // "<origin>/bench" makes the pool register <origin>/bench/callback: the same origin, another page.
  const pool = await createUserPool({
    port: await freePort(),
    consoleOrigins: [consoleUrl, `${consoleUrl}/bench`],
    corsOrigins: [consoleUrl],
  });
  const agent = await startStreamServer(await freePort());
  const distDir = mkdtempSync(join(tmpdir(), 'agent-console-bench-'));
  const env = {
    ...process.env,
    CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')),
    CONSOLE_PORT: String(port),
    OAUTH2_ISSUER_URI: pool.issuer,
    OAUTH2_CLIENT_ID: LOCAL_CLIENT_ID,
    AGENT_NAME: 'Bench Agent',
    AGENT_ENDPOINT: '/agent',
    AGENT_PROXY_TARGET: agent.url,
  };
  const build = run(process.execPath, [VITE, 'build', '--outDir', distDir, '--emptyOutDir'], env);
  if ((await finished(build)) !== 0) throw new Error(`vite build failed:\n${build.output()}`);
  mkdirSync(join(distDir, 'bench'));
  for (const file of ['callback.html', 'callback.js'])
    copyFileSync(join(import.meta.dirname, 'bare-callback', file), join(distDir, 'bench', file));
  const preview = run(process.execPath, [VITE, 'preview', '--outDir', distDir], env);
  await waitForUrl(`${consoleUrl}/`, preview);
  return {
    consoleUrl,
    issuer: pool.issuer,
    clientId: LOCAL_CLIENT_ID,
    distDir,
    /** The ADK sessions the stand-in agent serves (none: it is an `/invoke`-only agent). */
    agentSessions: agent.sessions,
    stop: async () => {
      await preview.stop();
      await Promise.allSettled([agent.close(), pool.close()]);
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

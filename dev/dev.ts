/**
 * `npm run dev`: with no OAUTH2_ISSUER_URI configured, starts the local user pool and the local agent and
 * wires the console to them; otherwise starts only the Vite dev server against the configured cloud pool.
 */
import { createServer, loadEnv } from 'vite';
import { DEV_AGENT_PATH } from './console-env.ts';
import {
  DEFAULT_AGENT_PORT,
  DEFAULT_CONSOLE_PORT,
  DEFAULT_USERPOOL_PORT,
  LOCAL_CLIENT_ID,
  readPort,
  readSeconds,
  TEN_HOURS_IN_SECONDS,
} from './defaults.ts';

const env = loadEnv('development', process.cwd(), '');
const consolePort = readPort(env.CONSOLE_PORT, DEFAULT_CONSOLE_PORT, 'CONSOLE_PORT');
const consoleOrigin = `http://127.0.0.1:${consolePort}`;
const closers: Array<() => Promise<void>> = [];
const banner: string[] = [];

async function startLocalStack() {
  // Loaded only when needed: a console pointed at a cloud pool does not start (or warn about) oidc-provider.
  const { createUserPool } = await import('./userpool/create-user-pool.ts');
  // The local agent is an ADK runtime (conversations kept as ADK sessions) unless LOCAL_AGENT=invoke asks for
  // the /invoke-only app, as a runtime without ADK's REST routes would be.
  const simple = env.LOCAL_AGENT === 'invoke';
  const createAgentServer = simple
    ? (await import('./agent/create-agent-server.ts')).createAgentServer
    : (await import('./adk-agent/create-adk-agent-server.ts')).createAdkAgentServer;
  const { describeDemoUsers } = await import('./userpool/main.ts');
  const { parseFaults } = await import('./userpool/faults.ts');
  const pool = await createUserPool({
    port: readPort(env.USERPOOL_PORT, DEFAULT_USERPOOL_PORT, 'USERPOOL_PORT'),
    consoleOrigins: [consoleOrigin],
    accessTokenTtl: readSeconds(env.USERPOOL_ACCESS_TOKEN_TTL, TEN_HOURS_IN_SECONDS, 'USERPOOL_ACCESS_TOKEN_TTL'),
    issueRefreshTokens: env.USERPOOL_REFRESH_TOKENS !== 'off',
    faults: parseFaults(env.USERPOOL_FAULTS),
  });
  closers.push(pool.close);
  const agent = await createAgentServer({
    port: readPort(env.AGENT_PORT, DEFAULT_AGENT_PORT, 'AGENT_PORT'),
    auth: { discoveryUrl: `${pool.issuer}/.well-known/openid-configuration`, allowedClients: [LOCAL_CLIENT_ID] },
    corsOrigins: [consoleOrigin],
    audit: (line) => console.log(`[agent] ${line}`),
    consentTimeoutSeconds: readSeconds(env.AGENT_CONSENT_TIMEOUT_SECONDS, 120, 'AGENT_CONSENT_TIMEOUT_SECONDS'),
  });
  closers.push(agent.close);
  // The console reads these through vite.config.ts; the cloud values in .env (if any) are not touched on disk.
  Object.assign(process.env, {
    OAUTH2_ISSUER_URI: pool.issuer,
    OAUTH2_CLIENT_ID: LOCAL_CLIENT_ID,
    OAUTH2_REDIRECT_URI: `${consoleOrigin}/callback`,
    AGENT_ENDPOINT: agent.url,
    AGENT_NAME: env.AGENT_NAME || 'Local agent',
  });
  banner.push(
    `  User pool  ${pool.issuer}  (local, OpenID Connect)`,
    `  Agent      ${agent.url}/invoke${simple ? '' : " and ADK's REST routes (an ADK runtime)"}  (local, custom_jwt, reached through ${consoleOrigin}${DEV_AGENT_PATH})`,
    '',
    '  Demo users (username / password):',
    describeDemoUsers(),
  );
}

async function stopAll(code: number) {
  await Promise.allSettled(closers.reverse().map((close) => close()));
  process.exit(code);
}

try {
  if (env.OAUTH2_ISSUER_URI) {
    banner.push(`  User pool  ${env.OAUTH2_ISSUER_URI}  (from your configuration)`);
    if (env.AGENT_ENDPOINT) banner.push(`  Agent      ${env.AGENT_ENDPOINT}  (reached through ${consoleOrigin}${DEV_AGENT_PATH})`);
  } else await startLocalStack();
  const vite = await createServer({ server: { port: consolePort } });
  closers.unshift(() => vite.close());
  await vite.listen();
  console.log(`\n  Agent Console  ${consoleOrigin}/\n${banner.join('\n')}\n\n  Press Ctrl-C to stop everything.\n`);
} catch (error) {
  console.error(`npm run dev could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

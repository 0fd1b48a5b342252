import { DEFAULT_AGENT_PORT, DEFAULT_CONSOLE_PORT, DEFAULT_USERPOOL_PORT, readList, readPort, readSeconds } from '../defaults.ts';
import { exposedHostWarning } from '../exposed-host.ts';
import { type AgentServerOptions, createAgentServer, type RunningAgent } from './create-agent-server.ts';
import type { CustomJwtSettings } from './custom-jwt.ts';

export function agentOptionsFromEnv(env: NodeJS.ProcessEnv) {
  const corsOrigins = readList(env.AGENT_CORS_ORIGINS);
  return {
    host: env.AGENT_HOST || '127.0.0.1',
    port: readPort(env.AGENT_PORT, DEFAULT_AGENT_PORT, 'AGENT_PORT'),
    auth: {
      discoveryUrl: env.AGENT_JWT_DISCOVERY_URL || `http://127.0.0.1:${DEFAULT_USERPOOL_PORT}/.well-known/openid-configuration`,
      allowedClients: readList(env.AGENT_JWT_ALLOWED_CLIENTS),
      ...(env.AGENT_CLOCK_LEEWAY_SECONDS
        ? { clockLeewaySeconds: readSeconds(env.AGENT_CLOCK_LEEWAY_SECONDS, 30, 'AGENT_CLOCK_LEEWAY_SECONDS') }
        : {}),
    },
    corsOrigins: corsOrigins.length ? corsOrigins : [`http://127.0.0.1:${DEFAULT_CONSOLE_PORT}`],
    // Fault mode for trying the console's redirect refusal by hand: every /invoke answers 307 to this URL.
    consentTimeoutSeconds: readSeconds(env.AGENT_CONSENT_TIMEOUT_SECONDS, 120, 'AGENT_CONSENT_TIMEOUT_SECONDS'),
    ...(env.AGENT_PUBLIC_URL ? { publicUrl: env.AGENT_PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(env.AGENT_REDIRECT_INVOKE_TO ? { redirectInvokeTo: env.AGENT_REDIRECT_INVOKE_TO } : {}),
  };
}

/**
 * Whose tokens the agent takes, said at start-up: `issuer` is what the discovery document named, when it answered
 * (the agent itself reads it again at the first call).
 */
export function describeAcceptedCallers(auth: Pick<CustomJwtSettings, 'discoveryUrl' | 'allowedClients'>, issuer?: string): string {
  const pool = issuer
    ? `${issuer}  (from ${auth.discoveryUrl})`
    : `the issuer named by ${auth.discoveryUrl}  (not reachable yet: read at the first call)`;
  const clients = auth.allowedClients.length
    ? auth.allowedClients.join(', ')
    : 'any client of that pool  (AGENT_JWT_ALLOWED_CLIENTS is empty, like an empty runtime_jwt_allowed_clients)';
  return [`  accepts access tokens of  ${pool}`, `  issued to clients         ${clients}`].join('\n');
}

/** The issuer the discovery document names; undefined when the pool does not answer within 3 s. */
export async function issuerOf(discoveryUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(3_000) });
    const issuer = response.ok ? ((await response.json()) as { issuer?: unknown }).issuer : undefined;
    return typeof issuer === 'string' ? issuer : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts an agent server from the environment (`npm run dev:agent`, `dev:adk-agent`): says where it listens and whom
 * it accepts, warns when it is reachable from other machines, and closes on Ctrl-C.
 */
export async function runAgentFromEnv(create: (options: AgentServerOptions) => Promise<RunningAgent>, describe: (url: string) => string) {
  const options = agentOptionsFromEnv(process.env);
  const agent = await create(options);
  console.error(describe(agent.url));
  console.error(describeAcceptedCallers(options.auth, await issuerOf(options.auth.discoveryUrl)));
  const exposed = exposedHostWarning(options.host, 'agent');
  if (exposed) console.warn(`\n${exposed}\n`);
  const stop = () => agent.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runAgentFromEnv(createAgentServer, (url) => `Local agent: ${url}/invoke  (custom_jwt)`);
}

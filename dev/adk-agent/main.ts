import { agentOptionsFromEnv, describeAcceptedCallers, issuerOf } from '../agent/main.ts';
import { exposedHostWarning } from '../exposed-host.ts';
import { createAdkAgentServer } from './create-adk-agent-server.ts';
import { APP_NAME } from './local-agent.ts';

// `npm run dev:adk-agent`: the same environment as `npm run dev:agent` (AGENT_PORT, AGENT_JWT_*, AGENT_CORS_ORIGINS, …).
if (import.meta.url === `file://${process.argv[1]}`) {
  const options = agentOptionsFromEnv(process.env);
  const agent = await createAdkAgentServer(options);
  console.error(`Local ADK agent: ${agent.url}/invoke and ADK's REST routes (app ${APP_NAME}, custom_jwt, user = the token's sub)`);
  console.error(describeAcceptedCallers(options.auth, await issuerOf(options.auth.discoveryUrl)));
  const exposed = exposedHostWarning(options.host, 'agent');
  if (exposed) console.warn(`\n${exposed}\n`);
  const stop = () => agent.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

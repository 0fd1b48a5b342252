import { runAgentFromEnv } from '../agent/main.ts';
import { createAdkAgentServer } from './create-adk-agent-server.ts';
import { APP_NAME } from './local-agent.ts';

// `npm run dev:adk-agent`: the same environment as `npm run dev:agent` (AGENT_PORT, AGENT_JWT_*, AGENT_CORS_ORIGINS, …).
if (import.meta.url === `file://${process.argv[1]}`) {
  await runAgentFromEnv(
    createAdkAgentServer,
    (url) => `Local ADK agent: ${url}/invoke and ADK's REST routes (app ${APP_NAME}, custom_jwt, user = the token's sub)`,
  );
}

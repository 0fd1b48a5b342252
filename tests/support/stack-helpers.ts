import { createAgentServer, type RunningAgent } from '../../dev/agent/create-agent-server.ts';
import type { Stack } from '../e2e/stack.ts';
import { loginOverHttp, type TokenSet } from './http-login.ts';

/** A real token of the pool for a client the stack's agent does not allow (bob signs in to partner-app). */
export function partnerToken(stack: Stack): Promise<TokenSet> {
  return loginOverHttp({
    issuer: stack.issuer,
    clientId: stack.partnerClientId,
    redirectUri: `${stack.consoleUrl}/callback`,
    username: 'bob',
    password: 'bob-password',
  });
}

/** An agent of the main pool that allows only partner-app, so it refuses the console's own tokens. */
export function startStrictAgent(stack: Stack): Promise<RunningAgent> {
  return createAgentServer({
    port: 0,
    auth: { discoveryUrl: `${stack.issuer}/.well-known/openid-configuration`, allowedClients: [stack.partnerClientId] },
    corsOrigins: [stack.consoleUrl],
    audit: () => {},
  });
}

/**
 * A client of the local pool whose access tokens carry an RFC 8693 `act` claim, so the debugger's "Who is acting"
 * can be tried on a real token: the user (sub) delegated to an agent, which delegated to a tool. The outermost
 * `act` is the current actor (the tool), the nested one the actor before it (the agent). The real pool issues such
 * tokens by token exchange; here every token of this client says so.
 */
export const LOCAL_DELEGATE_CLIENT_ID = 'delegating-agent';

export const DELEGATION_ACT = {
  sub: 'tool:documents-mcp',
  act: { sub: 'agent:local_agent', client_id: LOCAL_DELEGATE_CLIENT_ID },
} as const;

/** The `act` claim for a token of `clientId`, if its tokens carry one. */
export function actClaimFor(clientId: unknown): typeof DELEGATION_ACT | undefined {
  return clientId === LOCAL_DELEGATE_CLIENT_ID ? DELEGATION_ACT : undefined;
}

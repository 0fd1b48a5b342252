/**
 * The explanations of src/lib/agentkit-errors.ts (cause and fix per row), with the chat and the debugger. English
 * ships with the code that shows them; Chinese is a chunk of its own.
 */
export const explainEn = {
  why: 'Why:',
  fix: 'What to do:',
  source: 'source',
  sentBy: 'Sent by {sender}',
  'from.runtime': 'the AgentKit runtime',
  'from.gateway': 'the AgentKit gateway',
  'from.identity': 'the identity service',
  'from.provider': 'the consent provider',
  'from.pool': 'the user pool',
  'from.agent': 'the agent’s code',

  'consumer-auth.cause':
    'The AgentKit gateway refused the call before it reached the agent: it carried no credential the gateway accepts. The tutorials see this when a consent provider’s callback URL points at the runtime instead of the identity service.',
  'consumer-auth.fix':
    'After a consent: set the credential provider’s callback URL, and the provider app’s redirect URL, to {callback}. Otherwise send a valid access token of an allowed client.',
  'insufficient-scope.cause': 'The token is valid but lacks the scope this resource needs ({scope}).',
  'insufficient-scope.fix': 'Ask for that scope at sign-in (OAUTH2_SCOPES), allow it for the client in the pool, and sign in again.',
  'token-missing.cause': 'The runtime got no bearer token: custom_jwt needs “Authorization: Bearer <access token>”.',
  'token-missing.fix': 'Sign in. A proxy between the console and the runtime must forward the Authorization header.',
  'token-id-token.cause': 'An ID token was sent where an access token is needed.',
  'token-id-token.fix': 'Send the access token (the console does); the debugger shows which kind a token is.',
  'token-expired.cause': 'The access token is past its exp: custom_jwt refuses it from that moment on.',
  'token-expired.fix':
    'Sign in again, or let the console renew the session. If it happens right after a renewal, compare this computer’s clock with the pool’s (the debugger shows the offset).',
  'token-not-yet-valid.cause': 'The token’s nbf or iat lies in the runtime’s future: the clocks of the pool and the runtime disagree.',
  'token-not-yet-valid.fix': 'Synchronise the clocks (NTP) and try again in a moment.',
  'token-issuer.cause':
    'The token’s iss is not the issuer named by runtime_jwt_discovery_url: the runtime trusts another pool, or another address form of the same pool.',
  'token-issuer.fix':
    'Set runtime_jwt_discovery_url to the token’s iss followed by /.well-known/openid-configuration; the debugger’s verdict names the form in use.',
  'token-client.cause': 'The token’s client_id is not in runtime_jwt_allowed_clients.',
  'token-client.fix':
    'Add this console’s client ID to runtime_jwt_allowed_clients in agentkit.yaml and deploy again (the debugger prints the block).',
  'token-signature.cause':
    'The signature did not verify against the keys of runtime_jwt_discovery_url: a token of another pool, rotated keys, or a changed token.',
  'token-signature.fix':
    'Check that the discovery URL names the pool that issued the token; the debugger checks the signature in the browser.',
  'token-invalid.cause': 'The runtime refused the token (invalid_token): {detail}',
  'token-invalid.fix': 'Open the token in the debugger: its verdict names the failing check.',
  'consent-timeout.cause':
    'The agent waited for your consent to a third party and gave up: the identity service’s token vault had no token in time.',
  'consent-timeout.fix':
    'Open the authorization link and finish within the agent’s window. If the provider skipped its consent page (you authorized before), revoke the app at the provider and ask again; check that the provider sends you back to {callback}.',
  'provider-redirect.cause': 'The consent provider does not know the redirect URL it was given (Feishu error 20029).',
  'provider-redirect.fix':
    'For outbound consent add {callback} to the provider app’s redirect URLs (Feishu: Security Settings); for sign-in with Feishu copy the pool’s own callback from the pool console. Republish the app.',
  'provider-permission.cause': 'The provider app lacks a permission it needs (Feishu error 20027, e.g. contact:contact.base:readonly).',
  'provider-permission.fix': 'Apply for the permission in the provider app’s permission management, then republish the app.',
  'provider-scope.cause': 'The provider refused the scopes (Feishu error 20043): it does not take OpenID scopes such as openid.',
  'provider-scope.fix':
    'Give the credential provider the provider’s own scopes, e.g. drive:drive,docx:document:readonly for Feishu documents.',
  'client-redirect-missing.cause': 'The user pool client has no callback URL for this flow (redirect_uri is missing).',
  'client-redirect-missing.fix': 'Add the callback URL to the client’s allowed callback URLs (the debugger’s region checklist lists them).',
  'credential-provider.cause': 'The identity service has no credential provider by the name the agent asked for.',
  'credential-provider.fix': 'Create the credential provider in Agent Identity, or correct the name the agent is configured with.',
  'workload-token.cause':
    'The agent could not get its workload access token: credential hosting works only while the agent runs on AgentKit Runtime.',
  'workload-token.fix': 'Deploy the agent to AgentKit Runtime to use outbound credentials.',
  'assume-role.cause':
    'The agent’s Volcano Engine credentials may not assume the identity role (AssumeRole NoPermission), often because the shell holds another access key than .env.',
  'assume-role.fix': 'Use the same access key everywhere (shell variables win over .env) and restart the agent.',
  'callback-code-state.cause':
    'A callback arrived without its authorization code or state: the registered callback URL is not the one in use.',
  'callback-code-state.fix': 'Make the callback URL the same in the pool client and in the agent’s settings (protocol, host and path).',
  'idp-config.cause': 'The pool’s external identity provider (e.g. Feishu) has a wrong App ID or App Secret.',
  'idp-config.fix': 'Correct the App ID and App Secret under the pool’s external identity providers.',
  'session-not-found.cause':
    'The runtime has no such session for this user: sessions belong to the token’s sub, and a run in a session that was not created first, or was deleted, is refused.',
  'session-not-found.fix': 'Start a new conversation; a session of another user, or a deleted one, cannot be continued.',
  'user-refused.cause':
    'The runtime refused the user_id the call named: in identity mode it binds the user to the verified token’s sub, and the header is a plain value.',
  'user-refused.fix': 'Send user_id equal to the token’s sub (the console does), or leave it out; the debugger warns when they differ.',
  'session-refused.cause': 'The runtime refused the session_id header.',
  'session-refused.fix': 'Start a new conversation for a fresh session id: ids are per user and must stay within the runtime’s limits.',
  'execution-hidden.cause':
    'The agent’s code failed; in identity mode the agent server app withholds the exception and says only “agent execution failed”.',
  'execution-hidden.fix': 'Read the runtime’s logs for the exception: the console cannot see it.',
  'stream-exception.cause': 'The agent’s code raised {type} while streaming: {detail}',
  'stream-exception.fix': 'Fix the agent’s code or the service it called; the runtime’s logs have the traceback.',
} as const;

export type ExplainKey = keyof typeof explainEn;

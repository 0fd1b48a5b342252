import type { OidcMetadata, User } from 'oidc-client-ts';
import { type FlowTrace, type FlowValue, redact, type TokensVia } from '../../lib/flow-trace.ts';
import { base64UrlEncode, claimsOf } from '../../lib/jwt.ts';

async function sha256Base64Url(text: string): Promise<string> {
  return base64UrlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

interface StoredSigninState {
  id?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  nonce?: string;
  code_verifier?: string;
  response_mode?: string;
}

/**
 * The authorize request as it was sent, rebuilt from the sign-in state saved before the redirect:
 * the code_challenge is derived again from the verifier, and the verifier itself is never shown.
 */
export async function authorizeParams(stored: string | null): Promise<Record<string, FlowValue> | undefined> {
  if (!stored) return undefined;
  let state: StoredSigninState;
  try {
    state = JSON.parse(stored) as StoredSigninState;
  } catch {
    return undefined;
  }
  return {
    response_type: 'code',
    client_id: state.client_id ?? '',
    redirect_uri: state.redirect_uri ?? '',
    scope: state.scope ?? '',
    state: state.id ?? '',
    ...(state.nonce ? { nonce: redact(state.nonce) } : {}),
    ...(state.code_verifier ? { code_challenge: await sha256Base64Url(state.code_verifier), code_challenge_method: 'S256' } : {}),
    ...(state.response_mode ? { response_mode: state.response_mode } : {}),
  };
}

/** The authorize request (if this tab started it) and the callback, with the code redacted. */
export async function traceCallback(trace: FlowTrace, url: URL, storedState: string | null, authorizationEndpoint: string | undefined) {
  const params = await authorizeParams(storedState);
  if (params) trace.record({ kind: 'authorize', at: Date.now(), endpoint: authorizationEndpoint, params });
  const code = url.searchParams.get('code');
  trace.record({
    kind: 'callback',
    at: Date.now(),
    stateMatched: storedState !== null,
    code: code ? redact(code) : undefined,
    iss: url.searchParams.get('iss') ?? undefined,
    error: url.searchParams.get('error') ?? undefined,
  });
}

export function traceTokens(trace: FlowTrace, user: User, via: TokensVia) {
  const claims = claimsOf(user.access_token);
  const iat = claims?.iat;
  trace.record({
    kind: 'tokens',
    at: Date.now(),
    via,
    tokenType: user.token_type,
    expiresIn: user.expires_in,
    scope: user.scope,
    received: [
      { name: 'access_token', format: claims ? 'jwt' : 'opaque', value: redact(user.access_token) },
      ...(user.id_token ? [{ name: 'id_token', format: 'jwt', value: redact(user.id_token) } as const] : []),
      ...(user.refresh_token ? [{ name: 'refresh_token', value: redact(user.refresh_token) } as const] : []),
    ],
    // The pool's clock at issue (iat) against ours at receipt: the skew, to within the network delay.
    // (The pool's Date header would be exact, but browsers hide it from cross-origin reads.)
    clockOffsetSeconds: typeof iat === 'number' ? Math.round(iat - Date.now() / 1000) : undefined,
  });
}

export function traceDiscovery(trace: FlowTrace, metadata: Partial<OidcMetadata>) {
  const { issuer, authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint, end_session_endpoint, revocation_endpoint } =
    metadata;
  trace.record({
    kind: 'discovery',
    at: Date.now(),
    endpoints: { issuer, authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint, end_session_endpoint, revocation_endpoint },
  });
}

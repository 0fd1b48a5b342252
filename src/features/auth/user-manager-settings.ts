import { InMemoryWebStorage, type OidcMetadata, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from '../../config/schema.ts';

export const STATE_STORE_PREFIX = 'agent-console.oidc.';
/** Every request to the pool (discovery, keys, token, refresh, revocation) and the silent iframe get this long. */
export const POOL_REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Public client, code flow with PKCE S256 (oidc-client-ts always uses it). Tokens and the user live in memory
 * only; only the transient sign-in state (verifier, state, nonce) is in sessionStorage until the callback.
 * Renewal is scheduled by the console (see renewal-schedule.ts), not by the library's fixed 60 s timer.
 * `metadata`, the pool's discovery document when it is already known (see discovery-cache.ts), spares a request.
 */
export function userManagerSettings(
  config: ConsoleConfig,
  siteUrl: string,
  sessionStore: Storage,
  metadata?: Partial<OidcMetadata>,
): UserManagerSettings {
  return {
    authority: config.issuer,
    ...(metadata ? { metadata } : {}),
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    silent_redirect_uri: new URL('silent-callback.html', siteUrl).href,
    post_logout_redirect_uri: siteUrl,
    response_type: 'code',
    scope: config.scopes,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStore, prefix: STATE_STORE_PREFIX }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    revokeTokensOnSignout: false,
    requestTimeoutInSeconds: POOL_REQUEST_TIMEOUT_SECONDS,
    silentRequestTimeoutInSeconds: POOL_REQUEST_TIMEOUT_SECONDS,
    staleStateAgeInSeconds: 900,
  };
}

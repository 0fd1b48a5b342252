import { blockedByPolicy, seenBlocked } from '../../config/policy-blocked.ts';
import { RESTAMP_COMMAND } from '../../config/stamped-policy.ts';
import type { MessageParams } from '../../i18n/index.ts';
import { answersAtAll, discoveryUrlOf } from '../../lib/http-probe.ts';
import { type AuthFailure, failure, isNetworkError, type NetworkDiagnosis } from './auth-failure.ts';
import { POOL_REQUEST_TIMEOUT_SECONDS } from './user-manager-settings.ts';

// The explanations of a failed sign-in or renewal: loaded when one fails, not with the first page.

interface OidcErrorLike {
  name?: string;
  message?: string;
  error?: string;
  error_description?: string | null;
}

/** Maps what oidc-client-ts throws (or the pool answered) to a failure; network errors need a diagnosis first. */
export function classifyAuthError(error: unknown, context: { origin: string; diagnosis?: NetworkDiagnosis }): AuthFailure {
  const oidc = (error ?? {}) as OidcErrorLike;
  if (oidc.name === 'ErrorResponse' && oidc.error) {
    // The pool's own words, when it gave any, go into a sentence written around them (one per language).
    const description = oidc.error_description || undefined;
    const withReason: MessageParams = description === undefined ? {} : { description };
    if (oidc.error === 'access_denied') {
      return failure('access-denied', description ? 'auth.failure.accessDeniedBecause' : 'auth.failure.accessDenied', withReason);
    }
    if (oidc.error === 'login_required' || oidc.error === 'interaction_required' || oidc.error === 'consent_required') {
      return failure('login-required', 'auth.failure.loginRequired', { error: oidc.error });
    }
    if (oidc.error === 'invalid_grant') {
      return failure('code-rejected', description ? 'auth.failure.codeRejectedBecause' : 'auth.failure.codeRejected', withReason);
    }
    return failure('pool-error', description ? 'auth.failure.poolErrorBecause' : 'auth.failure.poolError', {
      error: oidc.error,
      ...withReason,
    });
  }
  if (context.diagnosis?.kind === 'csp')
    return failure('csp', 'auth.failure.csp', { url: context.diagnosis.url, command: RESTAMP_COMMAND });
  if (oidc.name === 'ErrorTimeout') {
    // The console frames nothing but the pool's authorize endpoint: a blocked frame is a renewal that never answers.
    const framed = seenBlocked('frame-src');
    if (framed) return failure('csp', 'auth.failure.csp', { url: framed, command: RESTAMP_COMMAND });
    return failure('timeout', 'auth.failure.timeout', { seconds: POOL_REQUEST_TIMEOUT_SECONDS });
  }
  if (oidc.message === 'No matching state found in storage') return failure('callback-unknown-state', 'auth.failure.unknownState');
  if (context.diagnosis?.kind === 'cors') {
    return failure('cors', 'auth.failure.cors', { url: context.diagnosis.url, origin: context.origin });
  }
  if (context.diagnosis?.kind === 'unreachable' || isNetworkError(error)) {
    if (!context.diagnosis) return failure('unreachable', 'auth.failure.unreachable');
    return failure('unreachable', 'auth.failure.unreachableAt', { url: context.diagnosis.url });
  }
  return failure('unknown', 'auth.failure.unknown', { detail: oidc.message ?? String(error) });
}

/**
 * Tells a pool that cannot be reached from one that answers but may not be read (CORS), and both from a
 * request this page's own Content-Security-Policy blocked (stamped for another config.json).
 */
export async function diagnoseNetworkFailure(issuer: string, fetchImpl: typeof fetch = fetch): Promise<NetworkDiagnosis> {
  const discoveryUrl = discoveryUrlOf(issuer);
  const reachable = (url: string) => answersAtAll(url, fetchImpl);
  const readDiscovery = async (): Promise<{ tokenEndpoint?: string } | undefined> => {
    try {
      const response = await fetchImpl(discoveryUrl, {
        cache: 'no-store',
        signal: AbortSignal.timeout(POOL_REQUEST_TIMEOUT_SECONDS * 1000),
      });
      return { tokenEndpoint: ((await response.json()) as { token_endpoint?: string }).token_endpoint };
    } catch {
      return undefined;
    }
  };
  const [blockedDiscovery, discovery] = await Promise.all([blockedByPolicy(discoveryUrl), readDiscovery()]);
  if (blockedDiscovery) return { kind: 'csp', url: blockedDiscovery };
  if (!discovery) return { kind: (await reachable(discoveryUrl)) ? 'cors' : 'unreachable', url: discoveryUrl };
  const { tokenEndpoint } = discovery;
  if (!tokenEndpoint) return { kind: 'unreachable', url: discoveryUrl };
  const [blockedToken, answers] = await Promise.all([blockedByPolicy(tokenEndpoint), reachable(tokenEndpoint)]);
  if (blockedToken) return { kind: 'csp', url: blockedToken };
  return { kind: answers ? 'cors' : 'unreachable', url: tokenEndpoint };
}

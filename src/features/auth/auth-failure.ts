import type { MessageKey, MessageParams } from '../../i18n/index.ts';

/** Why a sign-in or renewal failed, in words a user can act on. */
export interface AuthFailure {
  kind:
    | 'callback-no-state'
    | 'callback-unknown-state'
    | 'access-denied'
    | 'pool-error'
    | 'code-rejected'
    | 'unreachable'
    | 'cors'
    | 'csp'
    | 'timeout'
    | 'clock-skew'
    | 'login-required'
    | 'unknown';
  message: MessageKey;
  params: MessageParams;
}

/** `csp`: this page's own Content-Security-Policy blocked the request (url: the origin it blocked). */
export type NetworkDiagnosis = { kind: 'unreachable' | 'cors' | 'csp'; url: string };

export const failure = (kind: AuthFailure['kind'], message: MessageKey, params: MessageParams = {}): AuthFailure => ({
  kind,
  message,
  params,
});

export function isNetworkError(error: unknown): boolean {
  // fetch rejects with a TypeError for DNS, refused connections, offline and CORS alike.
  return error instanceof TypeError;
}

export function noStateFailure(): AuthFailure {
  return failure('callback-no-state', 'auth.failure.noState');
}

const ALLOWED_SKEW_SECONDS = 300;

/** oidc-client-ts does not compare token times with the local clock; a clock far off breaks expiry handling. */
export function clockSkewFailure(idTokenClaims: Record<string, unknown> | undefined, nowMs: number): AuthFailure | undefined {
  const iat = idTokenClaims?.iat;
  if (typeof iat !== 'number') return undefined;
  const aheadSeconds = iat - nowMs / 1000;
  if (aheadSeconds <= ALLOWED_SKEW_SECONDS) return undefined;
  return failure('clock-skew', 'auth.failure.clockSkew', { minutes: Math.round(aheadSeconds / 60) });
}

/**
 * When the explanations (auth-failure-diagnosis.ts, loaded on the first failure) cannot load, offline or after
 * a new deployment: what is certain without them, in the library's own words.
 */
export function plainFailure(error: unknown): AuthFailure {
  if (isNetworkError(error)) return failure('unreachable', 'auth.failure.unreachable');
  return failure('unknown', 'auth.failure.unknown', { detail: error instanceof Error ? error.message : String(error) });
}

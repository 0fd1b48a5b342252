import type { User } from 'oidc-client-ts';
import type { AuthFailure } from './auth-failure.ts';

/**
 * A renewal failed because the pool is down or slow, while the token in hand still works: what went wrong, and in
 * how long the next try starts (none when it would come after the token expires).
 */
export interface RenewalTrouble {
  failure: AuthFailure;
  retryInMs?: number;
}

/** One explicit auth status; components switch on `status` only. */
export type AuthState =
  | { status: 'starting' }
  | { status: 'signed-out' }
  | { status: 'signing-in' }
  | { status: 'signed-in'; user: User; trouble?: RenewalTrouble }
  | { status: 'renewing'; user: User; trouble?: RenewalTrouble }
  | { status: 'expired'; failure?: AuthFailure }
  | { status: 'error'; failure: AuthFailure };

export type AuthEvent =
  | { type: 'restore-failed' }
  | { type: 'sign-in-started' }
  | { type: 'sign-in-abandoned' }
  | { type: 'signed-in'; user: User }
  | { type: 'sign-in-failed'; failure: AuthFailure }
  | { type: 'renew-started' }
  | { type: 'renew-deferred'; trouble: RenewalTrouble }
  | { type: 'renew-failed'; failure: AuthFailure }
  | { type: 'token-expired' }
  | { type: 'signed-out' };

export const INITIAL_AUTH_STATE: AuthState = { status: 'starting' };

export function authReducer(state: AuthState, event: AuthEvent): AuthState {
  switch (event.type) {
    case 'restore-failed':
      return state.status === 'starting' ? { status: 'signed-out' } : state;
    case 'sign-in-started':
      return { status: 'signing-in' };
    case 'sign-in-abandoned':
      return state.status === 'signing-in' ? { status: 'signed-out' } : state;
    case 'signed-in':
      return { status: 'signed-in', user: event.user };
    case 'sign-in-failed':
      return { status: 'error', failure: event.failure };
    case 'renew-started':
      return state.status === 'signed-in' ? { ...state, status: 'renewing' } : state;
    case 'renew-deferred':
      return state.status === 'signed-in' || state.status === 'renewing'
        ? { status: 'signed-in', user: state.user, trouble: event.trouble }
        : state;
    case 'renew-failed':
      // Also once expired: a renewal still in flight at expiry says at last why it failed.
      return state.status === 'signed-in' || state.status === 'renewing' || state.status === 'expired'
        ? { status: 'expired', failure: event.failure }
        : state;
    case 'token-expired':
      if (state.status !== 'signed-in' && state.status !== 'renewing') return state;
      return state.trouble ? { status: 'expired', failure: state.trouble.failure } : { status: 'expired' };
    case 'signed-out':
      return { status: 'signed-out' };
  }
}

export function currentUser(state: AuthState): User | undefined {
  return state.status === 'signed-in' || state.status === 'renewing' ? state.user : undefined;
}

/** preferred_username or name from the ID token (or userinfo), else the subject. */
export function displayName(user: User): string {
  const profile = user.profile as Record<string, unknown>;
  for (const claim of ['preferred_username', 'name']) {
    const value = profile[claim];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return user.profile.sub;
}

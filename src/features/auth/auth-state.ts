import type { User } from 'oidc-client-ts';
import type { AuthFailure } from './auth-failure.ts';

/** One explicit auth status; components switch on `status` only. */
export type AuthState =
  | { status: 'starting' }
  | { status: 'signed-out' }
  | { status: 'signing-in' }
  | { status: 'signed-in'; user: User }
  | { status: 'renewing'; user: User }
  | { status: 'expired'; failure: AuthFailure }
  | { status: 'error'; failure: AuthFailure };

export type AuthEvent =
  | { type: 'restore-failed' }
  | { type: 'sign-in-started' }
  | { type: 'signed-in'; user: User }
  | { type: 'sign-in-failed'; failure: AuthFailure }
  | { type: 'renew-started' }
  | { type: 'renew-failed'; failure: AuthFailure }
  | { type: 'signed-out' };

export const INITIAL_AUTH_STATE: AuthState = { status: 'starting' };

export function authReducer(state: AuthState, event: AuthEvent): AuthState {
  switch (event.type) {
    case 'restore-failed':
      return state.status === 'starting' ? { status: 'signed-out' } : state;
    case 'sign-in-started':
      return { status: 'signing-in' };
    case 'signed-in':
      return { status: 'signed-in', user: event.user };
    case 'sign-in-failed':
      return { status: 'error', failure: event.failure };
    case 'renew-started':
      return state.status === 'signed-in' ? { status: 'renewing', user: state.user } : state;
    case 'renew-failed':
      return state.status === 'signed-in' || state.status === 'renewing' ? { status: 'expired', failure: event.failure } : state;
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

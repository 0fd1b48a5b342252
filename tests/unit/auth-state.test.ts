import { User } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import type { AuthFailure } from '../../src/features/auth/auth-failure.ts';
import { type AuthState, authReducer, displayName, INITIAL_AUTH_STATE } from '../../src/features/auth/auth-state.ts';

const user = (profile: Record<string, unknown> = {}) =>
  new User({ access_token: 'a', token_type: 'Bearer', profile: { sub: 'sub-1', iss: 'i', aud: 'c', exp: 1, iat: 1, ...profile } });
const failure: AuthFailure = { kind: 'timeout', message: 'auth.failure.timeout', params: {} };

describe('auth status machine', () => {
  it('starts by checking for a session and falls back to signed out quietly', () => {
    expect(INITIAL_AUTH_STATE).toEqual({ status: 'starting' });
    expect(authReducer(INITIAL_AUTH_STATE, { type: 'restore-failed' })).toEqual({ status: 'signed-out' });
  });

  it('ignores a late restore failure once the user is signed in or signing in', () => {
    const signedIn: AuthState = { status: 'signed-in', user: user() };
    expect(authReducer(signedIn, { type: 'restore-failed' })).toBe(signedIn);
    expect(authReducer({ status: 'signing-in' }, { type: 'restore-failed' })).toEqual({ status: 'signing-in' });
  });

  it('goes signed in → renewing → signed in, keeping the user while renewing', () => {
    const first = user();
    const renewing = authReducer({ status: 'signed-in', user: first }, { type: 'renew-started' });
    expect(renewing).toEqual({ status: 'renewing', user: first });
    const second = user({ sub: 'sub-1' });
    expect(authReducer(renewing, { type: 'signed-in', user: second })).toEqual({ status: 'signed-in', user: second });
  });

  it('turns a failed renewal into "session expired", but not a renewal nobody asked for', () => {
    expect(authReducer({ status: 'renewing', user: user() }, { type: 'renew-failed', failure })).toEqual({ status: 'expired', failure });
    expect(authReducer({ status: 'signed-out' }, { type: 'renew-failed', failure })).toEqual({ status: 'signed-out' });
    expect(authReducer({ status: 'signed-out' }, { type: 'renew-started' })).toEqual({ status: 'signed-out' });
  });

  it('shows a failed sign-in as an error, and any state can sign out', () => {
    expect(authReducer({ status: 'signing-in' }, { type: 'sign-in-failed', failure })).toEqual({ status: 'error', failure });
    expect(authReducer({ status: 'expired', failure }, { type: 'signed-out' })).toEqual({ status: 'signed-out' });
  });

  it('names the user by preferred_username, else name, else sub', () => {
    expect(displayName(user({ preferred_username: 'alice', name: 'Alice' }))).toBe('alice');
    expect(displayName(user({ preferred_username: '', name: 'Alice' }))).toBe('Alice');
    expect(displayName(user())).toBe('sub-1');
  });
});

import { User, UserManager } from 'oidc-client-ts';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleConfig } from '../../src/config/schema.ts';
import { AuthController } from '../../src/features/auth/auth-controller.ts';
import type { AuthState } from '../../src/features/auth/auth-state.ts';
import { userManagerSettings } from '../../src/features/auth/user-manager-settings.ts';

// The real oidc-client-ts against a pool whose every endpoint accepts the request and never answers.
const ISSUER = 'https://pool.example';
const METADATA = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/oauth/token`,
  revocation_endpoint: `${ISSUER}/oauth/revoke`,
  end_session_endpoint: `${ISSUER}/logout`,
  jwks_uri: `${ISSUER}/keys`,
};
const config = (): ConsoleConfig => ({
  issuer: ISSUER,
  clientId: 'console',
  redirectUri: `${window.location.origin}/callback`,
  scopes: 'openid offline_access',
  agentName: 'Agent',
  agentEndpoint: '/agent',
});

/** Requests sent to the pool; none is ever answered, each fails only when its sender aborts it. */
let sent: { url: string; body: string }[] = [];

beforeAll(async () => {
  // Loaded on the first failure in the app; loaded here first so its import takes no part in the timings below.
  await import('../../src/features/auth/auth-failure-diagnosis.ts');
});

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          sent.push({ url: String(input), body: String(init?.body ?? '') });
          init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
    ),
  );
  vi.useFakeTimers();
  // A whole second: the token's expires_at (seconds) is exactly its lifetime away.
  vi.setSystemTime(Date.UTC(2030, 0, 1));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
  localStorage.clear();
});

/** Signed in (the code exchange faked) with a refresh token and an access token living `lifetime` seconds. */
async function signedIn(lifetime: number) {
  const manager = new UserManager(userManagerSettings(config(), `${window.location.origin}/`, sessionStorage, METADATA));
  const user = new User({
    access_token: 'access',
    refresh_token: 'refresh',
    id_token: 'id',
    token_type: 'Bearer',
    scope: 'openid offline_access',
    profile: { sub: 'alice', iss: ISSUER, aud: 'console', exp: 0, iat: 0 },
    expires_at: Date.now() / 1000 + lifetime,
    userState: { returnTo: '/' },
  });
  manager.signinRedirectCallback = async () => {
    await manager.storeUser(user);
    return user;
  };
  window.history.replaceState(null, '', '/callback?code=c&state=s');
  const controller = new AuthController({ manager, issuer: ISSUER, callbackPath: '/callback', siteUrl: `${window.location.origin}/` });
  await controller.start();
  expect(controller.getState().status).toBe('signed-in');
  return controller;
}

const refreshes = () => sent.filter((request) => request.body.includes('grant_type=refresh_token')).length;
const trouble = (state: AuthState) => (state.status === 'signed-in' || state.status === 'renewing' ? state.trouble : undefined);

describe('a refresh the pool never answers', () => {
  it('ends within the 10 s deadline in the named failure, while the token in hand stays in use, and is retried after 5 s, then 10 s', async () => {
    // Renewed at half its lifetime (50 s), then, the pool not answering, tried at 65 s and 85 s; at 95 s the next
    // try (20 s later) would come after expiry.
    const controller = await signedIn(100);
    await vi.advanceTimersByTimeAsync(50_000);
    expect(refreshes()).toBe(1);
    expect(controller.getState().status).toBe('renewing');

    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.getState().status).toBe('signed-in');
    expect(trouble(controller.getState())).toMatchObject({ failure: { kind: 'timeout', params: { seconds: 10 } }, retryInMs: 5_000 });
    expect(controller.accessToken()).toBe('access');
    // A hung pool would hang the iframe's code exchange too: no second, iframe attempt.
    expect(sent).toHaveLength(1);
    expect(document.querySelector('iframe')).toBeNull();

    await vi.advanceTimersByTimeAsync(4_900);
    expect(refreshes()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(refreshes()).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(trouble(controller.getState())?.retryInMs).toBe(10_000);
    await vi.advanceTimersByTimeAsync(9_800);
    expect(refreshes()).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(refreshes()).toBe(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(trouble(controller.getState())).toMatchObject({ failure: { kind: 'timeout' } });
    expect(trouble(controller.getState())?.retryInMs).toBeUndefined();
    expect(controller.getState().status).toBe('signed-in');
  });

  it('says "Session expired" once the token has expired, even with a retry still in flight', async () => {
    const controller = await signedIn(45);
    // Renewal at 22.5 s fails at 32.5 s; the retry at 37.5 s is still waiting when the token expires at 45 s.
    await vi.advanceTimersByTimeAsync(45_000 - 100);
    expect(controller.getState().status).toBe('renewing');
    await vi.advanceTimersByTimeAsync(200);
    expect(controller.getState()).toMatchObject({ status: 'expired', failure: { kind: 'timeout' } });
    expect(controller.accessToken()).toBeUndefined();
    // The retry's own time-out keeps the session expired; nothing else is tried.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(controller.getState().status).toBe('expired');
    expect(refreshes()).toBe(2);
  });
});

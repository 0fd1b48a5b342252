import { act, render } from '@testing-library/react';
import { OidcClient, type User, UserManager } from 'oidc-client-ts';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleConfig } from '../../src/config/schema.ts';
import { AuthProvider } from '../../src/features/auth/auth-context.tsx';
import { createAuthController, startCallbackEarly } from '../../src/features/auth/create-auth-controller.ts';
import { readCachedDiscovery, saveDiscovery } from '../../src/features/auth/discovery-cache.ts';
import { userManagerSettings } from '../../src/features/auth/user-manager-settings.ts';

const ISSUER = 'https://pool.example';
const config = (): ConsoleConfig => ({
  issuer: ISSUER,
  clientId: 'console',
  redirectUri: `${window.location.origin}/callback`,
  scopes: 'openid profile email',
  agentName: 'Agent',
  agentEndpoint: '/agent',
});
const user = { access_token: 'at', profile: { sub: 'alice' }, state: { returnTo: '/' } } as unknown as User;
/**
 * A failed sign-in is described by a module loaded when needed (import()), which a loaded machine may take seconds
 * to transform the first time: well above vi.waitFor's default second.
 */
const LAZY = { timeout: 15_000 };

const DISCOVERY = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/oauth/token` };
/** What the pool's discovery and token endpoints were asked, answered offline. */
let fetched: string[] = [];

beforeEach(() => {
  fetched = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      fetched.push(url);
      return url.includes('.well-known') ? Response.json(DISCOVERY) : new Response('{}', { status: 500 });
    }),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
});

describe('the sign-in callback started before React renders', { timeout: 30_000 }, () => {
  it('sends the code exchange at once, and the app (in StrictMode) takes over that exchange instead of starting another', async () => {
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    const exchange = vi.spyOn(UserManager.prototype, 'signinRedirectCallback').mockResolvedValue(user);
    const settings = config();
    startCallbackEarly(settings);
    expect(exchange).toHaveBeenCalledTimes(1);

    const controller = createAuthController(settings);
    await act(async () => {
      render(
        <StrictMode>
          <AuthProvider controller={controller}>
            <p>app</p>
          </AuthProvider>
        </StrictMode>,
      );
    });
    await vi.waitFor(() => expect(controller.getState().status).toBe('signed-in'));
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(window.location.pathname + window.location.search).toBe('/');
  });

  it('shows a failed exchange as a failed sign-in, as when React starts it', async () => {
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    vi.spyOn(UserManager.prototype, 'signinRedirectCallback').mockRejectedValue(
      Object.assign(new Error('invalid_grant'), { error: 'invalid_grant' }),
    );
    const settings = config();
    startCallbackEarly(settings);
    const controller = createAuthController(settings);
    await vi.waitFor(() => expect(controller.getState().status).toBe('error'), LAZY);
  });

  it('does nothing away from the callback: the app creates and starts its own controller', () => {
    const exchange = vi.spyOn(UserManager.prototype, 'signinRedirectCallback').mockResolvedValue(user);
    const settings = config();
    startCallbackEarly(settings);
    expect(exchange).not.toHaveBeenCalled();
    expect(createAuthController(settings)).not.toBe(createAuthController(settings));
  });

  it('exchanges the code without fetching the discovery document again when the sign-in kept it moments ago', async () => {
    saveDiscovery(sessionStorage, ISSUER, DISCOVERY);
    const settings = config();
    // The sign-in this callback answers, its state (PKCE verifier included) stored as the page that started it left
    // it: without it the exchange would fail on the state before it needs any endpoint of the pool, proving nothing.
    const started = await new OidcClient(
      userManagerSettings(settings, `${window.location.origin}/`, sessionStorage, DISCOVERY),
    ).createSigninRequest({});
    window.history.replaceState(null, '', `/callback?code=c&state=${started.state.id}`);
    fetched = [];
    startCallbackEarly(settings);
    const controller = createAuthController(settings);
    // The exchange reached the token endpoint (which refuses it here): it had the pool's endpoints by then.
    await vi.waitFor(() => expect(fetched).toContain(DISCOVERY.token_endpoint), LAZY);
    await vi.waitFor(() => expect(controller.getState().status).toBe('error'), LAZY);
    expect(fetched.filter((url) => url.includes('.well-known'))).toEqual([]);
  });

  it('keeps the discovery document fetched on the page that starts a sign-in, for the callback page that follows', async () => {
    const controller = createAuthController(config());
    await controller.signOut();
    expect(fetched.filter((url) => url.includes('.well-known'))).toHaveLength(1);
    expect(readCachedDiscovery(sessionStorage, ISSUER)).toEqual(DISCOVERY);
  });
});

import { act, render } from '@testing-library/react';
import type { User, UserManager } from 'oidc-client-ts';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../src/features/auth/auth-context.tsx';
import { AuthController } from '../../src/features/auth/auth-controller.ts';

function fakeManager(overrides: Partial<Record<keyof UserManager, unknown>> = {}) {
  const user = {
    access_token: 'at',
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    profile: { sub: 's' },
    state: { returnTo: '/chat?x=1' },
  } as unknown as User;
  return {
    signinRedirectCallback: vi.fn(async () => user),
    signinSilent: vi.fn(async () => null),
    removeUser: vi.fn(async () => {}),
    metadataService: { getMetadata: vi.fn(async () => ({ issuer: 'https://pool', authorization_endpoint: 'https://pool/authorize' })) },
    ...overrides,
  } as unknown as UserManager;
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
  localStorage.clear(); // the record of a sign-out (sign-out-record.ts) would keep the next test from restoring
});

describe('AuthController under React StrictMode', () => {
  it('completes the callback exactly once, then returns to the starting page without code and state', async () => {
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    const manager = fakeManager();
    const controller = new AuthController({ manager, issuer: 'https://pool', callbackPath: '/callback', siteUrl: 'http://localhost/' });
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
    expect(manager.signinRedirectCallback).toHaveBeenCalledTimes(1);
    expect(window.location.pathname + window.location.search).toBe('/chat?x=1');
  });

  it('does not follow a returnTo that leaves the site', async () => {
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    const manager = fakeManager({
      signinRedirectCallback: vi.fn(async () => ({ access_token: 'at', profile: { sub: 's' }, state: { returnTo: '//evil.example/x' } })),
    });
    const controller = new AuthController({ manager, issuer: 'https://pool', callbackPath: '/callback', siteUrl: 'http://localhost/' });
    await controller.start();
    expect(window.location.href).toBe('http://localhost:3000/');
  });

  it('shares one renewal between concurrent callers', async () => {
    let finish: (user: User) => void = () => {};
    const renewed = new Promise<User>((resolve) => {
      finish = resolve;
    });
    const manager = fakeManager({ signinSilent: vi.fn(() => renewed) });
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    const controller = new AuthController({ manager, issuer: 'https://pool', callbackPath: '/callback', siteUrl: 'http://localhost/' });
    await controller.start();
    const first = controller.renew();
    const second = controller.renew();
    expect(controller.getState().status).toBe('renewing');
    finish({ access_token: 'new', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: 's' } } as unknown as User);
    expect(await first).toBe(await second);
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
    expect(controller.accessToken()).toBe('new');
  });
});

describe('AuthController: sign-out wins', () => {
  function signedInController(overrides: Partial<Record<keyof UserManager, unknown>> = {}) {
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    const manager = fakeManager({
      getUser: vi.fn(async () => ({ access_token: 'late', refresh_token: 'late-refresh' })),
      revokeTokens: vi.fn(async () => {}),
      ...overrides,
    });
    const controller = new AuthController({ manager, issuer: 'https://pool', callbackPath: '/callback', siteUrl: 'http://localhost/' });
    return { manager, controller };
  }

  it('discards and revokes a renewal that completes after another tab signed out', async () => {
    let finish: (user: User) => void = () => {};
    const { manager, controller } = signedInController({
      signinSilent: vi.fn(
        () =>
          new Promise<User>((resolve) => {
            finish = resolve;
          }),
      ),
    });
    await controller.start();
    const detach = controller.attach();
    const renewal = controller.renew();
    const otherTab = new BroadcastChannel('agent-console.auth');
    otherTab.postMessage('signed-out');
    await vi.waitFor(() => expect(controller.getState().status).toBe('signed-out'));
    finish({
      access_token: 'late',
      refresh_token: 'late-refresh',
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      profile: { sub: 's' },
    } as unknown as User);
    expect(await renewal).toBeUndefined();
    expect(controller.getState().status).toBe('signed-out');
    expect(controller.accessToken()).toBeUndefined();
    expect(manager.revokeTokens).toHaveBeenCalledWith(['refresh_token', 'access_token']);
    expect(manager.removeUser).toHaveBeenCalled();
    otherTab.close();
    detach();
  });

  it('treats /?state=x from a link as a normal visit: the silent restore still runs', async () => {
    window.history.replaceState(null, '', '/?state=forged');
    const manager = fakeManager({ signoutRedirectCallback: vi.fn(async () => ({})) });
    const controller = new AuthController({ manager, issuer: 'https://pool', callbackPath: '/callback', siteUrl: 'http://localhost/' });
    await controller.start();
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
    expect(manager.signoutRedirectCallback).not.toHaveBeenCalled();
  });

  it('finishes a sign-out return whose state this tab stored', async () => {
    sessionStorage.setItem('agent-console.oidc.mine', '{}');
    window.history.replaceState(null, '', '/?state=mine');
    const manager = fakeManager({ signoutRedirectCallback: vi.fn(async () => ({})) });
    const controller = new AuthController({ manager, issuer: 'https://pool', callbackPath: '/callback', siteUrl: 'http://localhost/' });
    await controller.start();
    expect(manager.signoutRedirectCallback).toHaveBeenCalledTimes(1);
    expect(manager.signinSilent).not.toHaveBeenCalled();
  });

  it('ends the local session and goes on to the pool logout while revocation hangs', async () => {
    const { manager, controller } = signedInController({
      revokeTokens: vi.fn(() => new Promise(() => {})),
      signoutRedirect: vi.fn(async () => {}),
      metadataService: {
        getMetadata: vi.fn(async () => ({ revocation_endpoint: 'https://pool/revoke', end_session_endpoint: 'https://pool/logout' })),
      },
    });
    await controller.start();
    vi.useFakeTimers();
    try {
      const signingOut = controller.signOut();
      expect(controller.getState().status).toBe('signed-out');
      await vi.advanceTimersByTimeAsync(3_000);
      await signingOut;
      expect(manager.signoutRedirect).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renews a 30-day token once, not in a loop', async () => {
    vi.useFakeTimers();
    try {
      const expiresAt = Math.floor(Date.now() / 1000) + 30 * 86_400;
      const { manager, controller } = signedInController({
        signinRedirectCallback: vi.fn(async () => ({ access_token: 'at', expires_at: expiresAt, profile: { sub: 's' }, state: {} })),
      });
      await controller.start();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(manager.signinSilent).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

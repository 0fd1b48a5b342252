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

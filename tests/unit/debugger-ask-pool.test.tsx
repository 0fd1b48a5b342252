import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskPoolPanel, type DebuggerSession } from '../../src/features/debugger/components/ask-pool-panel.tsx';

const ISSUER = 'https://pool.example.com';
const DISCOVERY = {
  issuer: ISSUER,
  jwks_uri: `${ISSUER}/keys`,
  userinfo_endpoint: `${ISSUER}/userinfo`,
  revocation_endpoint: `${ISSUER}/oauth/revoke`,
};

function stubPool(revocation: () => Response) {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.endsWith('/.well-known/openid-configuration')) return Response.json(DISCOVERY);
    if (url.endsWith('/oauth/revoke')) return revocation();
    return new Response('{}', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPanel(session: DebuggerSession, isSessionToken = true) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AskPoolPanel
        token="a.b.c"
        payload={{ sub: 'alice', client_id: 'console' }}
        issuer={ISSUER}
        clientId="console"
        isSessionToken={isSessionToken}
        session={session}
      />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("revoking the console's own access token", () => {
  it('signs out when the session cannot get a new token: the console never keeps a revoked one', async () => {
    stubPool(() => new Response('', { status: 200 }));
    const session = { renew: vi.fn(async () => undefined), signOut: vi.fn() };
    renderPanel(session);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Revoke now' }));
    expect((await screen.findByTestId('pool-session')).textContent).toBe(
      'The console could not get a new access token, so it signs you out.',
    );
    expect(session.renew).toHaveBeenCalledOnce();
    expect(session.signOut).toHaveBeenCalledOnce();
  });

  it('leaves the session alone when the pool refused to revoke', async () => {
    stubPool(() => Response.json({ error: 'unsupported_token_type', error_description: 'JWTs cannot be revoked' }, { status: 400 }));
    const session = { renew: vi.fn(async () => 'new'), signOut: vi.fn() };
    renderPanel(session);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Revoke now' }));
    expect((await screen.findByTestId('pool-explained')).textContent).toBe(
      'The pool cannot revoke this kind of token (JWTs cannot be revoked): it stays valid until exp.',
    );
    expect(screen.getByTestId('pool-session').textContent).toBe(
      'The pool did not revoke the token, so the console’s session stays as it is.',
    );
    expect(session.renew).not.toHaveBeenCalled();
    expect(session.signOut).not.toHaveBeenCalled();
  });

  it('offers nothing to call where the discovery document lists no endpoint, or one on another origin', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ issuer: ISSUER, jwks_uri: `${ISSUER}/keys`, userinfo_endpoint: 'https://elsewhere.example/userinfo' }),
      ),
    );
    renderPanel({ renew: vi.fn(), signOut: vi.fn() });
    expect(await screen.findByText(/The pool’s discovery document lists no revocation_endpoint/)).toBeTruthy();
    expect(screen.getByText(/userinfo_endpoint \(https:\/\/elsewhere.example\/userinfo\) is not on the pool’s origin/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Call userinfo' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Revoke' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

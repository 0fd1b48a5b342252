import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { clockSkewFailure } from '../../src/features/auth/auth-failure.ts';
import { classifyAuthError, diagnoseNetworkFailure } from '../../src/features/auth/auth-failure-diagnosis.ts';
import { t } from '../../src/i18n/index.ts';

const origin = 'https://console.example.com';
const explain = (error: unknown, diagnosis?: Parameters<typeof classifyAuthError>[1]['diagnosis']) => {
  const failure = classifyAuthError(error, { origin, diagnosis });
  return { kind: failure.kind, text: t(failure.message, failure.params) };
};

describe('classifyAuthError', () => {
  it('explains the errors a pool sends back', () => {
    expect(explain(new ErrorResponse({ error: 'access_denied', error_description: 'User said no' }))).toEqual({
      kind: 'access-denied',
      text: expect.stringContaining('Access was denied at the user pool: User said no.'),
    });
    expect(explain(new ErrorResponse({ error: 'invalid_grant' })).kind).toBe('code-rejected');
    expect(explain(new ErrorResponse({ error: 'login_required' })).kind).toBe('login-required');
    expect(explain(new ErrorResponse({ error: 'unauthorized_client', error_description: 'no PKCE' })).text).toContain(
      'The user pool answered "unauthorized_client": no PKCE.',
    );
  });

  it('tells an unknown or replayed state from a time-out', () => {
    expect(explain(new Error('No matching state found in storage')).kind).toBe('callback-unknown-state');
    expect(explain(new ErrorTimeout('Network timed out')).kind).toBe('timeout');
  });

  it('names the origin to allow when the pool answers but CORS blocks it, and the URL when it is unreachable', () => {
    const cors = explain(new TypeError('Failed to fetch'), { kind: 'cors', url: 'https://pool/oauth/token' });
    expect(cors.kind).toBe('cors');
    expect(cors.text).toContain(`Add ${origin} to the client's allowed web origins`);
    const down = explain(new TypeError('Failed to fetch'), { kind: 'unreachable', url: 'https://pool/.well-known/openid-configuration' });
    expect(down.text).toContain('Could not reach the user pool at https://pool/.well-known/openid-configuration');
  });
});

describe('clockSkewFailure', () => {
  const now = Date.UTC(2026, 10, 29, 12);
  it('accepts a few minutes of skew and refuses an ID token issued far in the future', () => {
    expect(clockSkewFailure({ iat: now / 1000 + 240 }, now)).toBeUndefined();
    expect(clockSkewFailure({}, now)).toBeUndefined();
    const failure = clockSkewFailure({ iat: now / 1000 + 7200 }, now);
    expect(failure?.kind).toBe('clock-skew');
    expect(t(failure!.message, failure!.params)).toContain('about 120 min behind');
  });
});

describe('diagnoseNetworkFailure', () => {
  const issuer = 'https://pool.example.com';
  const discovery = JSON.stringify({ token_endpoint: `${issuer}/oauth/token` });

  it('blames CORS on the token endpoint when discovery reads fine and the endpoint answers opaquely', async () => {
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      if (init?.mode === 'no-cors') return new Response(null);
      if (url.endsWith('openid-configuration')) return new Response(discovery);
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await diagnoseNetworkFailure(issuer, fetchImpl)).toEqual({ kind: 'cors', url: `${issuer}/oauth/token` });
  });

  it('reports the discovery URL as unreachable when nothing answers', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await diagnoseNetworkFailure(`${issuer}/`, fetchImpl)).toEqual({
      kind: 'unreachable',
      url: `${issuer}/.well-known/openid-configuration`,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { ConsoleConfig } from '../../src/config/schema.ts';
import { MAX_TIMER_DELAY_MS, nextRenewalAt, renewalDelayMs, retryDelayMs, timerDelayMs } from '../../src/features/auth/renewal-schedule.ts';
import { userManagerSettings } from '../../src/features/auth/user-manager-settings.ts';

describe('renewalDelayMs', () => {
  const now = 1_000_000_000_000;
  it('renews 60 s before expiry for long-lived tokens', () => {
    expect(renewalDelayMs(now / 1000 + 36_000, now)).toBe(36_000_000 - 60_000);
  });
  it('renews at half the lifetime for short-lived tokens, so they do not loop', () => {
    expect(renewalDelayMs(now / 1000 + 15, now)).toBe(7_500);
    expect(renewalDelayMs(now / 1000 + 120, now)).toBe(60_000);
  });
  it('renews at once when already expired, and never without an expiry', () => {
    expect(renewalDelayMs(now / 1000 - 5, now)).toBe(0);
    expect(renewalDelayMs(undefined, now)).toBeUndefined();
  });
});

describe('the renewal timer', () => {
  const now = 1_000_000_000_000;
  it('never hands setTimeout a delay it would wrap to 0 (a 30-day token)', () => {
    const due = renewalDelayMs(now / 1000 + 30 * 86_400, now) ?? 0;
    expect(due).toBeGreaterThan(MAX_TIMER_DELAY_MS);
    expect(timerDelayMs(now + due, now)).toBe(MAX_TIMER_DELAY_MS);
    expect(timerDelayMs(now - 10, now)).toBe(0);
  });
  it('keeps renewals at least 5 s apart, whatever the token lifetime', () => {
    expect(nextRenewalAt(0, now, now - 1_000)).toBe(now + 4_000);
    expect(nextRenewalAt(500, now, undefined)).toBe(now + 500);
    expect(nextRenewalAt(7_500, now, now)).toBe(now + 7_500);
  });
  it('backs off exponentially after failures, up to 5 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(20)).toBe(300_000);
  });
});

describe('userManagerSettings', () => {
  const config: ConsoleConfig = {
    issuer: 'https://userpool-1.userpool.auth.id.cn-beijing.volces.com',
    clientId: 'spa-client',
    redirectUri: 'https://console.example.com/callback',
    scopes: 'openid profile email offline_access',
    agentName: 'A',
    agentEndpoint: '/agent',
  };
  const settings = userManagerSettings(config, 'https://console.example.com/', sessionStorage);

  it('is a public code-flow client of the configured pool, with the configured redirect and scopes', () => {
    expect(settings).toMatchObject({
      authority: config.issuer,
      client_id: 'spa-client',
      redirect_uri: 'https://console.example.com/callback',
      silent_redirect_uri: 'https://console.example.com/silent-callback.html',
      post_logout_redirect_uri: 'https://console.example.com/',
      response_type: 'code',
      scope: 'openid profile email offline_access',
      automaticSilentRenew: false,
      loadUserInfo: false,
      requestTimeoutInSeconds: 10,
      silentRequestTimeoutInSeconds: 10,
    });
    expect(settings).not.toHaveProperty('client_secret');
    expect(settings.disablePKCE).toBeFalsy();
  });

  it('keeps the user in memory and only the transient sign-in state in sessionStorage', async () => {
    await settings.userStore?.set('user', 'token-data');
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain('token-data');
    await settings.stateStore?.set('abc', 'verifier');
    expect(sessionStorage.getItem('agent-console.oidc.abc')).toBe('verifier');
  });
});

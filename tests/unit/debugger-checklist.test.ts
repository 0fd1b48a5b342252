import { describe, expect, it } from 'vitest';
import { checklistValues } from '../../src/features/debugger/checklist.ts';

describe('the region checklist', () => {
  it("derives the region from a Volcano Engine pool's issuer: the outbound callback and both discovery forms", () => {
    const rows = checklistValues({
      issuer: 'https://userpool-abc123.userpool.auth.id.cn-beijing.volces.com',
      redirectUri: 'https://console.example.com/app/callback',
      siteUrl: 'https://console.example.com/app/',
    });
    expect(Object.fromEntries(rows.map(({ item, value }) => [item, value]))).toEqual({
      callback: 'https://console.example.com/app/callback',
      silentCallback: 'https://console.example.com/app/silent-callback.html',
      logout: 'https://console.example.com/app/',
      origin: 'https://console.example.com',
      outboundCallback: 'https://auth.id.cn-beijing.volces.com/api/v1/oauth2callback',
      discoveryPoolHost: 'https://userpool-abc123.userpool.auth.id.cn-beijing.volces.com/.well-known/openid-configuration',
      discoveryIdentityPath: 'https://auth.id.cn-beijing.volces.com/userpool/abc123/.well-known/openid-configuration',
    });
  });

  it('takes a typed region where the issuer names none, and the issuer’s own discovery URL', () => {
    const rows = checklistValues({
      issuer: 'https://login.example.com/oidc',
      redirectUri: 'https://c.example/callback',
      siteUrl: 'https://c.example/',
      region: 'ap-southeast-1',
    });
    expect(rows.find((row) => row.item === 'outboundCallback')?.value).toBe(
      'https://auth.id.ap-southeast-1.volces.com/api/v1/oauth2callback',
    );
    expect(rows.find((row) => row.item === 'discovery')?.value).toBe('https://login.example.com/oidc/.well-known/openid-configuration');
  });
});

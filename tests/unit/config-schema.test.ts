import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.ts';
import { t } from '../../src/i18n/index.ts';

const ORIGIN = 'http://127.0.0.1:8082';
const SEED_ENV = {
  OAUTH2_ISSUER_URI: 'https://userpool-abc.userpool.auth.id.cn-beijing.volces.com',
  OAUTH2_CLIENT_ID: 'client-123',
  OAUTH2_REDIRECT_URI: 'http://127.0.0.1:8082/callback',
  OAUTH2_SCOPES: "'openid profile email'",
  AGENT_NAME: "'Default Agent'",
  AGENT_ENDPOINT: 'https://abc.apigateway-cn-beijing.volceapi.com/',
};

function problemsOf(raw: Record<string, unknown>, origin = ORIGIN) {
  const result = validateConfig(raw, origin);
  return result.ok ? [] : result.problems.map((problem) => `${problem.key}:${problem.message}`);
}

describe('validateConfig', () => {
  it('accepts a .env written for the seed unchanged, unquoting values and trimming the endpoint', () => {
    expect(validateConfig(SEED_ENV, ORIGIN)).toEqual({
      ok: true,
      config: {
        issuer: SEED_ENV.OAUTH2_ISSUER_URI,
        clientId: 'client-123',
        redirectUri: 'http://127.0.0.1:8082/callback',
        scopes: 'openid profile email',
        agentName: 'Default Agent',
        agentEndpoint: 'https://abc.apigateway-cn-beijing.volceapi.com',
        trustedIssuers: [],
      },
    });
  });

  it('defaults the redirect URI to this origin, the scopes and the agent name', () => {
    const result = validateConfig({ OAUTH2_ISSUER_URI: 'http://127.0.0.1:8083', OAUTH2_CLIENT_ID: 'c', AGENT_ENDPOINT: '/agent' }, ORIGIN);
    expect(result).toMatchObject({
      ok: true,
      config: { redirectUri: `${ORIGIN}/callback`, scopes: 'openid profile email', agentName: 'Agent', agentEndpoint: '/agent' },
    });
  });

  it('names every missing required key', () => {
    expect(problemsOf({})).toEqual([
      'OAUTH2_ISSUER_URI:config.missing',
      'OAUTH2_CLIENT_ID:config.missing',
      'AGENT_ENDPOINT:config.missing',
    ]);
  });

  it('refuses plain http except on loopback, and issuers with a query', () => {
    expect(problemsOf({ ...SEED_ENV, OAUTH2_ISSUER_URI: 'http://pool.example.com' })).toEqual(['OAUTH2_ISSUER_URI:config.insecure']);
    expect(problemsOf({ ...SEED_ENV, OAUTH2_ISSUER_URI: 'https://pool.example.com/?x=1' })).toEqual([
      'OAUTH2_ISSUER_URI:config.issuerExtras',
    ]);
    expect(problemsOf({ ...SEED_ENV, OAUTH2_ISSUER_URI: 'not a url' })).toEqual(['OAUTH2_ISSUER_URI:config.notUrl']);
  });

  it('refuses an endpoint that is neither absolute nor a path on this site', () => {
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: 'agent' })).toEqual(['AGENT_ENDPOINT:config.endpointForm']);
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: 'ftp://agent.example' })).toEqual(['AGENT_ENDPOINT:config.endpointForm']);
  });

  it('refuses a path-shaped endpoint that the browser would send, with the token, to another host', () => {
    // Each of these reads like a path but new URL(value, origin) leads to evil.example.
    for (const endpoint of ['//evil.example/agent', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r/evil.example']) {
      expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: endpoint }), JSON.stringify(endpoint)).toHaveLength(1);
    }
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: '//evil.example/agent' })).toEqual(['AGENT_ENDPOINT:config.endpointOrigin']);
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: '/\\evil.example' })).toEqual(['AGENT_ENDPOINT:config.unsafeCharacters']);
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: '/\t/evil.example' })).toEqual(['AGENT_ENDPOINT:config.unsafeCharacters']);
    // Control characters and backslashes are refused anywhere, also in absolute URLs, where they hide the real host.
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: 'https://evil.example\\@agent.example.com' })).toEqual([
      'AGENT_ENDPOINT:config.unsafeCharacters',
    ]);
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: '/agent/\u0000x' })).toEqual(['AGENT_ENDPOINT:config.unsafeCharacters']);
    expect(problemsOf({ ...SEED_ENV, OAUTH2_ISSUER_URI: 'https://evil.example\\@pool.example.com' })).toEqual([
      'OAUTH2_ISSUER_URI:config.unsafeCharacters',
    ]);
    expect(problemsOf({ ...SEED_ENV, AGENT_ENDPOINT: '/agent/v1' })).toEqual([]);
  });

  it('says where a path-shaped endpoint leads, with invisible characters spelled out', () => {
    const result = validateConfig({ ...SEED_ENV, AGENT_ENDPOINT: '//evil.example/agent' }, ORIGIN);
    expect(result.ok || result.problems[0].params).toMatchObject({ resolved: 'http://evil.example', origin: ORIGIN });
    const tab = validateConfig({ ...SEED_ENV, AGENT_ENDPOINT: '/\t/evil.example' }, ORIGIN);
    expect(tab.ok || tab.problems[0].params.value).toBe('/\\t/evil.example');
  });

  it('refuses a redirect URI on a page the console needs for something else', () => {
    for (const path of ['/', '/debugger', '/silent-callback.html']) {
      expect(problemsOf({ ...SEED_ENV, OAUTH2_REDIRECT_URI: `${ORIGIN}${path}` }), path).toEqual([
        'OAUTH2_REDIRECT_URI:config.redirectReserved',
      ]);
    }
    expect(problemsOf({ ...SEED_ENV, OAUTH2_REDIRECT_URI: `${ORIGIN}/signed-in` })).toEqual([]);
  });

  it('requires the redirect URI on the page origin and the openid scope', () => {
    expect(problemsOf(SEED_ENV, 'http://localhost:8082')).toEqual(['OAUTH2_REDIRECT_URI:config.redirectOrigin']);
    expect(problemsOf({ ...SEED_ENV, OAUTH2_SCOPES: 'profile email' })).toEqual(['OAUTH2_SCOPES:config.noOpenid']);
  });

  it('reads TRUSTED_ISSUERS as https issuer URLs separated by commas or spaces', () => {
    const result = validateConfig(
      { ...SEED_ENV, TRUSTED_ISSUERS: "'https://partner.example.com/oidc, https://login.example.org\nhttp://127.0.0.1:9100'" },
      ORIGIN,
    );
    expect(result.ok && result.config.trustedIssuers).toEqual([
      'https://partner.example.com/oidc',
      'https://login.example.org',
      'http://127.0.0.1:9100',
    ]);
  });

  it('names each TRUSTED_ISSUERS entry that is not an https issuer URL', () => {
    const result = validateConfig(
      { ...SEED_ENV, TRUSTED_ISSUERS: 'partner.example.com, http://partner.example.com https://ok.example.com https://x.example.com/?q=1' },
      ORIGIN,
    );
    expect(result.ok ? [] : result.problems.map((problem) => [problem.key, t(problem.message, problem.params)])).toEqual([
      ['TRUSTED_ISSUERS', 'TRUSTED_ISSUERS must list issuer URLs (https) separated by commas or spaces; "partner.example.com" is not one.'],
      [
        'TRUSTED_ISSUERS',
        'TRUSTED_ISSUERS must use https (plain http is only allowed for 127.0.0.1 and localhost), got "http://partner.example.com".',
      ],
      ['TRUSTED_ISSUERS', 'TRUSTED_ISSUERS must not contain a query or a fragment, got "https://x.example.com/?q=1".'],
    ]);
  });

  it('refuses values that are not strings (config.json can hold anything)', () => {
    expect(problemsOf({ ...SEED_ENV, OAUTH2_CLIENT_ID: 42 })).toEqual([
      'OAUTH2_CLIENT_ID:config.notString',
      'OAUTH2_CLIENT_ID:config.missing',
    ]);
  });
});

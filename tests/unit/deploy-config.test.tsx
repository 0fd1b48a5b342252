import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolveDeployConfig } from '../../dev/deploy/config.ts';
import { validateConfig } from '../../src/config/schema.ts';
import { SetupScreen } from '../../src/config/setup-screen.tsx';

const POOL = 'https://userpool-abc.userpool.auth.id.cn-beijing.volces.com';
const GATEWAY = 'https://abc.apigateway-cn-beijing.volceapi.com';
const GOOD = { OAUTH2_ISSUER_URI: POOL, OAUTH2_CLIENT_ID: 'client-123', AGENT_ENDPOINT: '/agent', AGENT_PROXY_TARGET: GATEWAY };
const options = { host: 'nginx', serve: false };

function errorsOf(env: Record<string, string>, serve = false) {
  const result = resolveDeployConfig(env, { ...options, serve });
  return result.ok ? [] : result.errors;
}

describe('npm run deploy reads the configuration like the console', () => {
  it('refuses what the setup screen refuses, in the setup screen’s own words', () => {
    const env = {
      OAUTH2_ISSUER_URI: 'http://pool.example.com',
      OAUTH2_SCOPES: 'profile',
      AGENT_ENDPOINT: '/agent',
      AGENT_PROXY_TARGET: GATEWAY,
    };
    const result = validateConfig({ ...env, AGENT_ENDPOINT: '/agent' }, 'https://console.invalid');
    if (result.ok) throw new Error('the setup screen would accept this configuration');
    render(<SetupScreen problems={result.problems} />);
    const shown = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(shown).toHaveLength(3);
    expect(errorsOf(env)).toEqual(shown);
    expect(shown[0]).toBe(
      'OAUTH2_ISSUER_URI: OAUTH2_ISSUER_URI must use https (plain http is only allowed for 127.0.0.1 and localhost), got "http://pool.example.com".',
    );
  });

  it('says what is missing, with the setup screen’s hints', () => {
    expect(errorsOf({})).toEqual([
      'OAUTH2_ISSUER_URI: OAUTH2_ISSUER_URI is missing. Copy the user pool issuer from the console, e.g. https://userpool-<id>.userpool.auth.id.<region>.volces.com.',
      'OAUTH2_CLIENT_ID: OAUTH2_CLIENT_ID is missing. Use the client ID of a single-page application (public) client of the user pool.',
      'AGENT_ENDPOINT: AGENT_ENDPOINT is missing. Use the AgentKit Runtime endpoint, or a path on this site that forwards to it (e.g. /agent).',
    ]);
  });

  it('needs AGENT_PROXY_TARGET for a relative AGENT_ENDPOINT, and an https one', () => {
    expect(errorsOf({ ...GOOD, AGENT_PROXY_TARGET: '' })).toEqual([
      "AGENT_PROXY_TARGET: AGENT_PROXY_TARGET is missing. AGENT_ENDPOINT is the path /agent on the console's origin: set AGENT_PROXY_TARGET to the agent's URL (the AgentKit Runtime endpoint) for nginx to forward it.",
    ]);
    expect(errorsOf({ ...GOOD, AGENT_PROXY_TARGET: 'http://gateway.example.com' })).toEqual([
      'AGENT_PROXY_TARGET: AGENT_PROXY_TARGET must use https (plain http is only allowed for 127.0.0.1 and localhost), got "http://gateway.example.com".',
    ]);
    expect(errorsOf({ ...GOOD, AGENT_PROXY_TARGET: `${GATEWAY}/x;y` })[0]).toMatch(/^AGENT_PROXY_TARGET: .* cannot carry/);
    expect(errorsOf({ ...GOOD, AGENT_ENDPOINT: '/my agent' })[0]).toMatch(/^AGENT_ENDPOINT: the agent path must be letters/);
  });

  it('forwards /agent to an absolute AGENT_ENDPOINT, like npm run dev (the gateway sends no CORS headers)', () => {
    const result = resolveDeployConfig({ OAUTH2_ISSUER_URI: POOL, OAUTH2_CLIENT_ID: 'c', AGENT_ENDPOINT: `${GATEWAY}/` }, options);
    expect(result.ok && result.config.agent).toEqual({ path: '/agent', target: `${GATEWAY}/` });
    expect(result.ok && result.config.configJson.AGENT_ENDPOINT).toBe('/agent');
  });

  it('writes every key into config.json, null where unset, so no value baked into the build applies', () => {
    const result = resolveDeployConfig({ ...GOOD, OAUTH2_CLIENT_SECRET: 'never-deployed' }, options);
    expect(result.ok && result.config.configJson).toEqual({
      OAUTH2_ISSUER_URI: POOL,
      OAUTH2_CLIENT_ID: 'client-123',
      OAUTH2_REDIRECT_URI: null,
      OAUTH2_SCOPES: null,
      AGENT_NAME: null,
      AGENT_ENDPOINT: '/agent',
      TRUSTED_ISSUERS: null,
    });
    expect(result.ok && result.config.warnings[0]).toMatch(/^OAUTH2_CLIENT_SECRET is set but ignored/);
  });

  it('takes the public origin from the redirect URI or --origin, and serves locally on CONSOLE_PORT', () => {
    const named = resolveDeployConfig({ ...GOOD, OAUTH2_REDIRECT_URI: 'https://console.example.com/auth/done' }, options);
    expect(named.ok && [named.config.origin, named.config.pool.redirectUri]).toEqual([
      'https://console.example.com',
      'https://console.example.com/auth/done',
    ]);
    const flagged = resolveDeployConfig(GOOD, { ...options, origin: 'https://console.example.org' });
    expect(flagged.ok && flagged.config.origin).toBe('https://console.example.org');
    expect(resolveDeployConfig(GOOD, { ...options, origin: 'http://console.example.org' }).ok).toBe(false);
    const local = resolveDeployConfig({ ...GOOD, CONSOLE_PORT: '9100' }, { ...options, serve: true });
    expect(local.ok && local.config.origin).toBe('http://127.0.0.1:9100');
    // Served locally, a production redirect URI would bring the sign-in back elsewhere: the setup screen says so.
    expect(errorsOf({ ...GOOD, OAUTH2_REDIRECT_URI: 'https://console.example.com/callback' }, true)[0]).toMatch(
      /^OAUTH2_REDIRECT_URI: OAUTH2_REDIRECT_URI \(https:\/\/console.example.com\/callback\) is not on the origin of this page \(http:\/\/127.0.0.1:8082\)/,
    );
  });
});

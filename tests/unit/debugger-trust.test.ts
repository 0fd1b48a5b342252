import { describe, expect, it } from 'vitest';
import { settingsWarnings } from '../../src/features/debugger/settings-warnings.ts';
import { fetchPermission } from '../../src/features/debugger/trust.ts';

const POOL = 'https://pool.example/userpool/1';
const none = new Set<string>();
/** TRUSTED_ISSUERS of the deployment: the only other issuers whose keys may be fetched. */
const LISTED = ['https://partner.example/oidc', 'https://evil.example'];

describe('which discovery URLs the debugger may fetch', () => {
  it("fetches the configured pool's own origin, whatever the path", () => {
    expect(fetchPermission('https://pool.example/userpool/1/.well-known/openid-configuration', POOL, [], none)).toEqual({ kind: 'pool' });
    expect(fetchPermission('https://POOL.example:443/other/.well-known/openid-configuration', POOL, [], none)).toEqual({ kind: 'pool' });
  });

  it('never fetches a host the deployment does not list in TRUSTED_ISSUERS, even after a click', () => {
    for (const lookalike of [
      'https://pool.example.evil.com/.well-known/openid-configuration',
      'https://pool.example@evil.com/.well-known/openid-configuration',
      'https://pool.example:8443/.well-known/openid-configuration',
      'http://pool.example/.well-known/openid-configuration',
      'https://partner.example.evil.com/.well-known/openid-configuration',
    ]) {
      const permission = fetchPermission(lookalike, POOL, LISTED, none);
      expect(permission.kind, lookalike).toBe('unlisted');
      expect(permission.kind === 'unlisted' && permission.host).not.toBe('pool.example');
    }
    expect(fetchPermission('https://other.example/x', POOL, LISTED, new Set(['https://other.example']))).toEqual({
      kind: 'unlisted',
      origin: 'https://other.example',
      host: 'other.example',
    });
  });

  it('asks, naming the host, before fetching a listed issuer, whatever its path', () => {
    expect(fetchPermission('https://evil.example/x', POOL, LISTED, none)).toEqual({
      kind: 'ask',
      origin: 'https://evil.example',
      host: 'evil.example',
    });
    expect(fetchPermission('https://partner.example/other/.well-known/openid-configuration', POOL, LISTED, none).kind).toBe('ask');
  });

  it('fetches a listed origin once approved, and never anything but http(s)', () => {
    expect(fetchPermission('https://evil.example/x', POOL, LISTED, new Set(['https://evil.example']))).toEqual({
      kind: 'approved',
      host: 'evil.example',
    });
    for (const url of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'not a url', '/relative']) {
      expect(fetchPermission(url, POOL, LISTED, none).kind, url).toBe('invalid');
    }
  });
});

describe('the warnings over the verdict and the YAML', () => {
  const ok = { discoveryUrl: `${POOL}/.well-known/openid-configuration`, allowedClients: ['agent-console'] };

  it('are silent for the configured pool and a named client', () => {
    expect(settingsWarnings(ok, { kind: 'pool' }, POOL)).toEqual({ panel: [], yaml: [] });
  });

  it('say the settings did not come from the configuration, before and after the user approved the host', () => {
    for (const permission of [
      { kind: 'unlisted', origin: 'https://evil.example', host: 'evil.example' } as const,
      { kind: 'ask', origin: 'https://evil.example', host: 'evil.example' } as const,
      { kind: 'approved', host: 'evil.example' } as const,
    ]) {
      const warnings = settingsWarnings({ ...ok, discoveryUrl: 'https://evil.example/d' }, permission, POOL);
      expect(warnings.offPoolHost).toBe('evil.example');
      expect(warnings.panel.join(' ')).toMatch(/did not come from this console’s configuration.*evil\.example.*pool\.example/);
      expect(warnings.yaml.join(' ')).toMatch(/Not from this console’s configuration: evil\.example/);
    }
  });

  it('say that an empty allow-list lets any client of the pool through, ID tokens included', () => {
    const warnings = settingsWarnings({ ...ok, allowedClients: [] }, { kind: 'pool' }, POOL);
    expect(warnings.panel.join(' ')).toMatch(/any client of the pool would pass, ID tokens included/);
    expect(warnings.yaml.join(' ')).toMatch(/any client of the pool would pass, ID tokens included/);
  });
});

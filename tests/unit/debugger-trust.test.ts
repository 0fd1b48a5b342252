import { describe, expect, it } from 'vitest';
import { settingsWarnings } from '../../src/features/debugger/settings-warnings.ts';
import { fetchPermission } from '../../src/features/debugger/trust.ts';

const POOL = 'https://pool.example/userpool/1';
const none = new Set<string>();

describe('which discovery URLs the debugger may fetch without asking', () => {
  it("fetches the configured pool's own origin, whatever the path", () => {
    expect(fetchPermission('https://pool.example/userpool/1/.well-known/openid-configuration', POOL, none)).toEqual({ kind: 'pool' });
    expect(fetchPermission('https://POOL.example:443/other/.well-known/openid-configuration', POOL, none)).toEqual({ kind: 'pool' });
  });

  it('asks, naming the host, for URLs that only look like the pool', () => {
    for (const lookalike of [
      'https://pool.example.evil.com/.well-known/openid-configuration',
      'https://pool.example@evil.com/.well-known/openid-configuration',
      'https://pool.example:8443/.well-known/openid-configuration',
      'http://pool.example/.well-known/openid-configuration',
    ]) {
      const permission = fetchPermission(lookalike, POOL, none);
      expect(permission.kind, lookalike).toBe('ask');
      expect(permission.kind === 'ask' && permission.host).not.toBe('pool.example');
    }
    expect(fetchPermission('https://evil.example/x', POOL, none)).toEqual({
      kind: 'ask',
      origin: 'https://evil.example',
      host: 'evil.example',
    });
  });

  it('fetches an approved origin, and never anything but http(s)', () => {
    expect(fetchPermission('https://evil.example/x', POOL, new Set(['https://evil.example']))).toEqual({
      kind: 'approved',
      host: 'evil.example',
    });
    for (const url of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'not a url', '/relative']) {
      expect(fetchPermission(url, POOL, none).kind, url).toBe('invalid');
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

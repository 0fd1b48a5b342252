import { describe, expect, it } from 'vitest';
import { debuggerLink, debuggerSearch, readDebuggerQuery } from '../../src/features/debugger/debugger-url.ts';
import {
  agentkitYaml,
  clientCheck,
  expiryCheck,
  issuerCheck,
  notBeforeCheck,
  reportedCheck,
  runtimeChecks,
  signatureCheck,
  verdictOf,
  withReportedFailure,
} from '../../src/features/debugger/runtime-verdict.ts';

const NOW = 1_800_000_000;

describe('each custom_jwt check on its own', () => {
  it('signature: verified passes, everything else that is known fails, unfetchable keys stay undecided', () => {
    expect(signatureCheck({ status: 'verified', alg: 'RS256', kid: 'k', source: 's' }).ok).toBe(true);
    expect(signatureCheck({ status: 'invalid', alg: 'RS256', source: 's' }).ok).toBe(false);
    expect(signatureCheck({ status: 'no-key', kid: 'x', source: 's' })).toMatchObject({
      ok: false,
      detail: expect.stringContaining('kid x'),
    });
    expect(signatureCheck({ status: 'alg-none' })).toMatchObject({ ok: false, detail: 'alg none is never accepted' });
    expect(signatureCheck({ status: 'unsupported', alg: 'HS256' }).ok).toBe(false);
    expect(signatureCheck({ status: 'fetch-failed', url: 'u' }).ok).toBeUndefined();
    expect(signatureCheck(undefined).ok).toBeUndefined();
  });

  it('iss must equal the discovery issuer exactly', () => {
    expect(issuerCheck('https://pool', 'https://pool').ok).toBe(true);
    expect(issuerCheck('https://pool/', 'https://pool').ok).toBe(false);
    expect(issuerCheck(undefined, 'https://pool').ok).toBe(false);
    expect(issuerCheck('https://pool', undefined).ok).toBeUndefined();
  });

  it('client_id must be in the allowed list; an empty list allows any client', () => {
    expect(clientCheck('a', ['a', 'b']).ok).toBe(true);
    expect(clientCheck('c', ['a', 'b'])).toMatchObject({ ok: false, detail: 'c is not in the allowed clients (a, b)' });
    expect(clientCheck(undefined, ['a']).ok).toBe(false);
    expect(clientCheck(undefined, []).ok).toBe(true);
  });

  it('exp must be in the future and present; nbf in the past when present', () => {
    expect(expiryCheck(NOW + 10, NOW).ok).toBe(true);
    expect(expiryCheck(NOW, NOW).ok).toBe(false);
    expect(expiryCheck(undefined, NOW).ok).toBe(false);
    expect(notBeforeCheck(NOW - 1, NOW).ok).toBe(true);
    expect(notBeforeCheck(NOW + 60, NOW)).toMatchObject({ ok: false, detail: 'not valid for another 60 s' });
    expect(notBeforeCheck(undefined, NOW).ok).toBe(true);
    expect(notBeforeCheck('soon', NOW).ok).toBe(false);
  });
});

describe('the verdict', () => {
  const payload = { iss: 'https://pool', client_id: 'a', exp: NOW + 60, nbf: NOW - 60 };
  const settings = { discoveryUrl: 'https://pool/.well-known/openid-configuration', allowedClients: ['a'] };
  const verified = { status: 'verified', alg: 'RS256', source: 's' } as const;

  it('is Accepted only when every check passes, and names every failing claim otherwise', () => {
    const ok = runtimeChecks({ payload, signature: verified, discoveryIssuer: 'https://pool', settings, nowMs: NOW * 1000 });
    expect(verdictOf(ok)).toEqual({ kind: 'accepted' });
    const bad = runtimeChecks({
      payload: { ...payload, client_id: 'z', exp: NOW - 1 },
      signature: verified,
      discoveryIssuer: 'https://pool',
      settings,
      nowMs: NOW * 1000,
    });
    expect(verdictOf(bad)).toEqual({ kind: 'rejected', failing: ['client_id', 'exp'] });
    const waiting = runtimeChecks({ payload, signature: undefined, discoveryIssuer: 'https://pool', settings, nowMs: NOW * 1000 });
    expect(verdictOf(waiting)).toEqual({ kind: 'pending' });
  });

  it("marks the check the agent's own refusal names", () => {
    expect(reportedCheck('client not allowed (client_id agent-console)')).toBe('client_id');
    expect(reportedCheck('token expired (exp)')).toBe('exp');
    expect(reportedCheck('signature verification failed')).toBe('signature');
    const checks = runtimeChecks({ payload, signature: verified, discoveryIssuer: 'https://pool', settings, nowMs: NOW * 1000 });
    const merged = withReportedFailure(checks, 'client not allowed (client_id a)');
    expect(verdictOf(merged)).toEqual({ kind: 'rejected', failing: ['client_id'] });
    expect(merged.find((check) => check.name === 'client_id')?.detail).toBe(
      'the agent refused the call saying: client not allowed (client_id a)',
    );
  });

  it('writes the agentkit.yaml block for the settings', () => {
    expect(agentkitYaml(settings)).toBe(
      [
        'launch_types:',
        '  cloud:',
        '    runtime_auth_type: custom_jwt',
        '    runtime_jwt_discovery_url: https://pool/.well-known/openid-configuration',
        '    runtime_jwt_allowed_clients:',
        '    - a',
      ].join('\n'),
    );
    expect(agentkitYaml({ ...settings, allowedClients: [] })).toContain('runtime_jwt_allowed_clients: []');
  });

  it('keeps the settings in the URL, never the token', () => {
    const search = debuggerSearch({ discoveryUrl: 'https://p/.well-known/openid-configuration', allowedClients: ['a', 'b'] }, 'access');
    expect(readDebuggerQuery(search, settings)).toEqual({
      settings: { discoveryUrl: 'https://p/.well-known/openid-configuration', allowedClients: ['a', 'b'] },
      take: 'access',
    });
    expect(readDebuggerQuery('?clients=', settings).settings.allowedClients).toEqual([]);
    expect(readDebuggerQuery('', settings).settings).toEqual(settings);
  });

  it("takes the agent's refusal reason from the in-app link's history state, never from the query string", () => {
    const link = debuggerLink(settings, 'access', 'token expired (exp)');
    expect(link.href).not.toContain('expired');
    expect(link.href).toMatch(/^\/debugger\?/);
    const query = new URL(link.href, 'https://console.example').search;
    expect(readDebuggerQuery(query, settings, link.state).reason).toBe('token expired (exp)');
    // A shared link cannot plant a reason: only history state, which no other site can set, carries it.
    expect(readDebuggerQuery(`${query}&reason=client+not+allowed+(client_id+x)`, settings, null).reason).toBeUndefined();
    expect(readDebuggerQuery(query, settings, { debuggerReason: 42 }).reason).toBeUndefined();
    expect(readDebuggerQuery(query, settings, { debuggerReason: 'x'.repeat(5000) }).reason).toHaveLength(300);
  });

  it('marks YAML for settings that are not the configuration, and a value cannot add lines to it', () => {
    const yaml = agentkitYaml({ ...settings, allowedClients: [] }, ['Not from this console\u2028s configuration']);
    expect(yaml.split('\n')[0]).toBe('# WARNING: Not from this console s configuration');
    const injected = agentkitYaml({
      discoveryUrl: 'https://evil/x\n    runtime_jwt_allowed_clients: []',
      allowedClients: ['a\nb', 'ok-client', 'c\u2028d'],
    });
    expect(injected.split('\n')).toEqual([
      'launch_types:',
      '  cloud:',
      '    runtime_auth_type: custom_jwt',
      '    runtime_jwt_discovery_url: "https://evil/x\\n    runtime_jwt_allowed_clients: []"',
      '    runtime_jwt_allowed_clients:',
      '    - "a\\nb"',
      '    - ok-client',
      '    - "c\\u2028d"',
    ]);
  });
});

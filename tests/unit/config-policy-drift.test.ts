import { describe, expect, it } from 'vitest';
import { consolePolicy, policySources } from '../../dev/csp.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { type ConsoleConfig, validateConfig } from '../../src/config/schema.ts';
import { policyDrift } from '../../src/config/stamped-policy.ts';
import { t } from '../../src/i18n/index.ts';

const ORIGIN = 'https://console.example.com';
const POOL = 'https://userpool-abc.userpool.auth.id.cn-beijing.volces.com';
const STAGING = 'http://127.0.0.1:9100';

function config(values: Record<string, string>): ConsoleConfig {
  const result = validateConfig({ OAUTH2_CLIENT_ID: 'c', AGENT_ENDPOINT: '/agent', ...values }, ORIGIN);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

/** The policy `npm run build` or `npm run csp` stamps for these values (the same code). */
const stampedFor = (values: Record<string, string>) => consolePolicy(policySources(values));

function drift(values: Record<string, string>, stamped: Record<string, string>) {
  return policyDrift(config(values), stampedFor(stamped), ORIGIN).map((problem) => `${problem.key} ${problem.params.directives}`);
}

describe('config.json against the Content-Security-Policy stamped in index.html', () => {
  it('names a pool the policy of a build without one blocks, and the command that fixes it; nothing once re-stamped', () => {
    const problems = policyDrift(config({ OAUTH2_ISSUER_URI: STAGING }), stampedFor({}), ORIGIN);
    expect(problems.map((problem) => `${problem.key} ${problem.params.directives}`)).toEqual(['OAUTH2_ISSUER_URI connect-src, frame-src']);
    const text = t(problems[0].message, problems[0].params);
    expect(text).toContain(`OAUTH2_ISSUER_URI names ${STAGING}`);
    expect(text).toContain('Run `npm run csp -- dist`');

    const values = {
      OAUTH2_ISSUER_URI: STAGING,
      AGENT_ENDPOINT: 'https://gw.example.com/run',
      TRUSTED_ISSUERS: 'https://partner.example.com/oidc',
    };
    expect(drift(values, values)).toEqual([]);
    // npm run dev stamps no policy: nothing to compare with.
    expect(policyDrift(config({ OAUTH2_ISSUER_URI: STAGING }), undefined, ORIGIN)).toEqual([]);
  });

  it('names an https pool the policy was not stamped for (its renewal iframe would be blocked too); loopback spans ports', () => {
    expect(drift({ OAUTH2_ISSUER_URI: 'https://staging-pool.example.com' }, { OAUTH2_ISSUER_URI: POOL })).toEqual([
      'OAUTH2_ISSUER_URI connect-src, frame-src',
    ]);
    // The local stack's policy lets a loopback console reach and frame any loopback port.
    expect(drift({ OAUTH2_ISSUER_URI: STAGING }, { OAUTH2_ISSUER_URI: 'http://127.0.0.1:8083' })).toEqual([]);
  });

  it('names an absolute agent and a trusted issuer the policy does not allow; a relative agent always passes', () => {
    expect(
      drift(
        { OAUTH2_ISSUER_URI: POOL, AGENT_ENDPOINT: 'https://gw.example.com', TRUSTED_ISSUERS: 'https://partner.example.com' },
        { OAUTH2_ISSUER_URI: POOL },
      ),
    ).toEqual(['AGENT_ENDPOINT connect-src', 'TRUSTED_ISSUERS connect-src']);
    expect(drift({ OAUTH2_ISSUER_URI: POOL, AGENT_ENDPOINT: '/elsewhere' }, { OAUTH2_ISSUER_URI: POOL, AGENT_ENDPOINT: '/agent' })).toEqual(
      [],
    );
  });

  it('turns the start-up into the setup screen when config.json outgrew the stamped policy', async () => {
    const fetchImpl = (async () => new Response(JSON.stringify({ OAUTH2_ISSUER_URI: STAGING }))) as typeof fetch;
    const { result } = await loadConfig({
      buildConfig: { OAUTH2_CLIENT_ID: 'c', AGENT_ENDPOINT: '/agent' },
      configUrl: '/config.json',
      origin: ORIGIN,
      fetchImpl,
      policy: stampedFor({}),
    });
    expect(result).toMatchObject({ ok: false, problems: [{ key: 'OAUTH2_ISSUER_URI', message: 'config.policyStale' }] });
  });
});

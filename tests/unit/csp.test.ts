import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consolePolicy,
  headerPolicy,
  PolicyConfigError,
  policyOrigin,
  policyOrigins,
  policySources,
  SILENT_CALLBACK_POLICY,
} from '../../dev/csp.ts';
import { builtSources, stampHtml } from '../../dev/csp-html.ts';
import { mergeSources, restamp } from '../../dev/csp-stamp.ts';

const POOL = 'https://userpool-xxxx.userpool.auth.id.cn-beijing.volces.com';
const INDEX = '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>Agent Console</title>\n  </head>\n</html>\n';

describe('the console policy', () => {
  it('names the pool for fetches and frames, an absolute agent for fetches, and allows nothing inline', () => {
    expect(consolePolicy(policySources({ OAUTH2_ISSUER_URI: `${POOL}/`, AGENT_ENDPOINT: 'https://gw.example.com/runtime/' }))).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        `connect-src 'self' ${POOL} https://gw.example.com; frame-src 'self' ${POOL}; ` +
        "object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('lets fetches reach no https host but the pool, the agent and the listed issuers', () => {
    const policy = consolePolicy(
      policySources({
        OAUTH2_ISSUER_URI: POOL,
        AGENT_ENDPOINT: '/agent',
        TRUSTED_ISSUERS: 'https://partner.example.com/oidc, https://login.example.org  https://partner.example.com/other',
      }),
    );
    expect(policy).toContain(`connect-src 'self' ${POOL} https://partner.example.com https://login.example.org;`);
    expect(policy).toContain(`frame-src 'self' ${POOL};`);
    expect(policy.split(/[\s;]+/)).not.toContain('https:');
    expect(consolePolicy({})).toContain("connect-src 'self';");
  });

  it('keeps a relative agent on the console origin, and lets a loopback console reach and frame other loopback ports', () => {
    const policy = consolePolicy(policySources({ OAUTH2_ISSUER_URI: 'http://127.0.0.1:8083', AGENT_ENDPOINT: '/agent' }));
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:8083 http://127.0.0.1:* http://localhost:*;");
    expect(policy).toContain("frame-src 'self' http://127.0.0.1:8083 http://127.0.0.1:* http://localhost:*;");
  });

  it('refuses a configured value that could add a directive or name another origin than it seems to', () => {
    for (const value of [
      'https://a;script-src *.evil',
      "https://a'b.com",
      'https://[::1]:8443',
      'javascript:alert(1)',
      '/\\evil.com',
      '/\tevil',
      42,
    ]) {
      expect(() => policyOrigin('OAUTH2_ISSUER_URI', value), String(value)).toThrow(PolicyConfigError);
    }
    for (const value of ['https://ok.example.com https://a;script-src', "https://ok.example.com,https://a'b.com", 'javascript:x', 7]) {
      expect(() => policyOrigins('TRUSTED_ISSUERS', value), String(value)).toThrow(PolicyConfigError);
    }
    expect(policyOrigin('AGENT_ENDPOINT', ' /agent ')).toBeUndefined();
    expect(policyOrigin('AGENT_ENDPOINT', 'https://GW.Example.com:443/x')).toBe('https://gw.example.com');
  });

  it('adds frame-ancestors only to the header', () => {
    expect(headerPolicy(SILENT_CALLBACK_POLICY, "'self'")).toBe(
      "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    );
    expect(consolePolicy({})).not.toContain('frame-ancestors');
  });
});

describe('stamping index.html', () => {
  it('puts the policy right after <meta charset>, then replaces it in place, keeping the build-time sources', () => {
    const built = stampHtml(INDEX, { pool: POOL }, { pool: POOL });
    expect(built).toMatch(/<meta charset="UTF-8" \/>\n {4}<meta http-equiv="Content-Security-Policy" content="default-src 'self';/);
    const restamped = stampHtml(built, { pool: 'https://other.example.com' }, { pool: POOL });
    expect(restamped.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(restamped).toContain("frame-src 'self' https://other.example.com;");
    expect(builtSources(restamped)).toEqual({ pool: POOL, agent: undefined, issuers: undefined });
    const listed = stampHtml(
      INDEX,
      { pool: POOL, issuers: ['https://a.example', 'https://b.example'] },
      { pool: POOL, issuers: ['https://a.example', 'https://b.example'] },
    );
    expect(builtSources(listed)?.issuers).toEqual(['https://a.example', 'https://b.example']);
  });

  it('merges config.json over the build-time sources the way the console merges its configuration', () => {
    const build = { pool: POOL, agent: 'https://gw.example.com' };
    expect(mergeSources(build, {})).toEqual(build);
    expect(mergeSources(build, { OAUTH2_ISSUER_URI: "'https://pool.example.com'", AGENT_ENDPOINT: '/agent' })).toEqual({
      pool: 'https://pool.example.com',
      agent: undefined,
    });
    expect(mergeSources(build, { AGENT_ENDPOINT: '' })).toEqual({ pool: POOL, agent: undefined });
    const listing = { ...build, issuers: ['https://a.example'] };
    expect(mergeSources(listing, {}).issuers).toEqual(['https://a.example']);
    expect(mergeSources(listing, { TRUSTED_ISSUERS: "'https://b.example/x https://c.example'" }).issuers).toEqual([
      'https://b.example',
      'https://c.example',
    ]);
    expect(mergeSources(listing, { TRUSTED_ISSUERS: '' }).issuers).toBeUndefined();
  });

  it('npm run csp re-stamps a dist folder for its config.json and prints the nginx line', () => {
    const dist = mkdtempSync(join(tmpdir(), 'csp-dist-'));
    writeFileSync(join(dist, 'index.html'), stampHtml(INDEX, { pool: POOL }, { pool: POOL }));
    writeFileSync(join(dist, 'config.json'), JSON.stringify({ OAUTH2_ISSUER_URI: 'https://pool.example.com/tenant' }));
    const { report } = restamp(dist);
    const header = headerPolicy(consolePolicy({ pool: 'https://pool.example.com' }), "'none'");
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(`content="${consolePolicy({ pool: 'https://pool.example.com' })}"`);
    expect(report).toContain(`    Content-Security-Policy: ${header}`);
    expect(report).toContain(`    add_header Content-Security-Policy "${header}" always;`);
  });

  it('refuses a dist whose index.html carries no policy of this console', () => {
    const dist = mkdtempSync(join(tmpdir(), 'csp-dist-'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    expect(() => restamp(dist)).toThrow(/carries no Content-Security-Policy/);
  });
});

describe('what docs/deploy.md and silent-callback.html say', () => {
  const readme = readFileSync(join(process.cwd(), 'docs', 'deploy.md'), 'utf8');

  it("the nginx block's headers are what npm run csp prints for its example pool", () => {
    expect(readme).toContain(`add_header Content-Security-Policy "${headerPolicy(consolePolicy({ pool: POOL }), "'none'")}" always;`);
    expect(readme).toContain(`add_header Content-Security-Policy "${headerPolicy(SILENT_CALLBACK_POLICY, "'self'")}" always;`);
  });

  it('silent-callback.html carries its own policy', () => {
    const page = readFileSync(join(process.cwd(), 'public', 'silent-callback.html'), 'utf8');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${SILENT_CALLBACK_POLICY}" />`);
  });
});

/** `npm run deploy` as an operator runs it, on a small stand-in for dist/ (no build, no server). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolePolicy } from '../../dev/csp.ts';
import { stampHtml } from '../../dev/csp-html.ts';

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
const POOL = 'https://userpool-abc.userpool.auth.id.cn-beijing.volces.com';
const GOOD = {
  OAUTH2_ISSUER_URI: POOL,
  OAUTH2_CLIENT_ID: 'client-123',
  OAUTH2_REDIRECT_URI: 'https://console.example.com/callback',
  AGENT_ENDPOINT: '/agent',
  AGENT_PROXY_TARGET: 'https://abc.apigateway-cn-beijing.volceapi.com',
};
const INDEX =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>Agent Console</title></head><body><div id="root"></div></body></html>';

/** A project folder with a built-looking dist/ (index.html stamped for no pool) and an empty .env folder. */
function project(): { dir: string; dist: string } {
  const dir = mkdtempSync(join(tmpdir(), 'agent-console-deploy-cli-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), stampHtml(INDEX, {}, {}));
  writeFileSync(join(dist, 'config.json'), '{}\n');
  return { dir, dist };
}

function deploy(dir: string, args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(OAUTH2_|AGENT_|TRUSTED_ISSUERS|CONSOLE_PORT)/.test(key)),
  );
  const result = spawnSync(process.execPath, [TSX, join(process.cwd(), 'dev', 'deploy', 'cli.ts'), ...args], {
    cwd: dir,
    env: { ...clean, CONSOLE_ENV_DIR: dir, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each test starts the command (tsx, vite's env loader): seconds on 2 busy cores, not milliseconds.
describe('npm run deploy', { timeout: 30_000 }, () => {
  it('refuses a folder that holds no build, naming npm run build', () => {
    const { dir } = project();
    const result = deploy(dir, ['nginx', '--dist', join(dir, 'nowhere')], GOOD);
    expect(result.code).toBe(1);
    expect(result.err).toContain('holds no built console');
    expect(result.err).toContain('run `npm run build` first');
  });

  it('refuses a configuration the setup screen would refuse, with its message, and leaves dist/ as it was', () => {
    const { dir, dist } = project();
    const result = deploy(dir, ['nginx'], { ...GOOD, OAUTH2_SCOPES: 'profile email' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('OAUTH2_SCOPES: OAUTH2_SCOPES must include the scope "openid", got "profile email".');
    expect(readFileSync(join(dist, 'config.json'), 'utf8')).toBe('{}\n');
    expect(existsSync(join(dir, 'deploy'))).toBe(false);
  });

  it('reads .env like npm run build, writes config.json, re-stamps the policy and says what is left to do', () => {
    const { dir, dist } = project();
    writeFileSync(
      join(dir, '.env'),
      Object.entries(GOOD)
        .map(([key, value]) => `${key}=${value}`)
        .join('\n'),
    );
    const result = deploy(dir, ['nginx'], {});
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'))).toMatchObject({
      OAUTH2_ISSUER_URI: POOL,
      AGENT_ENDPOINT: '/agent',
    });
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(`content="${consolePolicy({ pool: POOL })}"`);
    const site = readFileSync(join(dir, 'deploy', 'nginx', 'agent-console.conf'), 'utf8');
    expect(site).toContain('server_name console.example.com;');
    expect(site).toContain('proxy_pass https://abc.apigateway-cn-beijing.volceapi.com/;');
    expect(result.out).toContain(
      'allowed callback URLs https://console.example.com/callback and https://console.example.com/silent-callback.html; allowed logout URL https://console.example.com/; allowed web origin (CORS) https://console.example.com.',
    );
    expect(result.out).toContain('DNS: point console.example.com at the server.');
  });

  it('answers an unknown host with its usage', () => {
    const { dir } = project();
    const result = deploy(dir, ['apache'], GOOD);
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage: npm run deploy -- <nginx');
  });
});

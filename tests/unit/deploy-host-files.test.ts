// @vitest-environment node
/**
 * The files of the hosts whose software cannot run here (Netlify, Vercel, TOS + CDN), read by those hosts' own
 * parsers and schemas where they publish one, and walked the way the host documents it, request by request.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { normalizeRoutes, routesSchema } from '@vercel/routing-utils';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../../dev/deploy/deploy.ts';
import { EXAMPLE, examplePlan } from '../../dev/deploy/example.ts';
import { netlify } from '../../dev/deploy/hosts/netlify.ts';
import { cdnRules, tos, websiteConfig } from '../../dev/deploy/hosts/tos.ts';
import { type VercelRoute, vercelRoutes } from '../../dev/deploy/hosts/vercel.ts';
import type { HostName } from '../../dev/deploy/site.ts';

const SANDBOX = "sandbox; default-src 'none'";

function planIn(host: HostName) {
  const project = mkdtempSync(join(tmpdir(), `agent-console-${host}-`));
  mkdirSync(join(project, 'dist'));
  return examplePlan(host, { distDir: join(project, 'dist'), outDir: join(project, 'deploy', host) });
}

describe('Netlify (untried here)', () => {
  const plan = planIn('netlify');
  writeFiles(netlify.files(plan));

  it('gives each path its headers, each header from one rule (Netlify joins duplicates)', async () => {
    const { headers, errors } = await parseAllHeaders({
      headersFiles: [join(plan.distDir, '_headers')],
      configHeaders: [],
      minimal: false,
    });
    expect(errors).toEqual([]);
    const served = (path: string) => {
      const rules = headers.filter((rule) => ('forRegExp' in rule ? rule.forRegExp.test(path) : rule.for === path));
      const names = rules.flatMap((rule) => Object.keys(rule.values));
      expect(new Set(names).size, `${path} gets a header from two rules`).toBe(names.length);
      return Object.assign({}, ...rules.map((rule) => rule.values)) as Record<string, string>;
    };
    for (const path of ['/', '/callback', '/debugger', '/index.html']) {
      expect(served(path)).toMatchObject({
        'Content-Security-Policy': plan.policies.console,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
    }
    expect(served('/silent-callback.html')['Content-Security-Policy']).toBe(plan.policies.silentCallback);
    expect(served('/config.json')['Cache-Control']).toBe('no-store');
    expect(served('/config-read.js')['Cache-Control']).toBe('no-cache');
    expect(served('/assets/index-abc.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(served('/assets/index-abc.js')['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('serves index.html at the console’s routes without changing the address', async () => {
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [join(plan.distDir, '_redirects')],
      configRedirects: [],
      minimal: false,
    });
    expect(errors).toEqual([]);
    expect(redirects).toMatchObject([
      { from: '/callback', to: '/index.html', status: 200, force: false },
      { from: '/debugger', to: '/index.html', status: 200, force: false },
    ]);
  });

  it('publishes dist/ with the agent path’s Edge Function from netlify.toml', async () => {
    const toml = join(plan.outDir, 'netlify.toml');
    // Netlify's parsers read netlify.toml too: a file they cannot parse is an error here.
    expect((await parseAllRedirects({ redirectsFiles: [], netlifyConfigPath: toml, configRedirects: [], minimal: false })).errors).toEqual(
      [],
    );
    const text = readFileSync(toml, 'utf8');
    expect(resolve(plan.outDir, /publish = "(.*)"/.exec(text)?.[1] ?? '')).toBe(plan.distDir);
    expect(text).toContain('edge_functions = "netlify/edge-functions"');
    const edge = readFileSync(join(plan.outDir, 'netlify', 'edge-functions', 'agent.ts'), 'utf8');
    expect(edge.match(/^export .*/gm)).toEqual([
      'export default (request: Request): Promise<Response> => proxyAgent(request, SETTINGS);',
      "export const config = { path: ['/agent', '/agent/*'] };",
    ]);
  });
});

/** Vercel's routes as its documentation describes them: in order, headers gathered, until a status or a dest. */
function routeOnVercel(routes: VercelRoute[], files: string[], method: string, path: string) {
  const headers: Record<string, string> = {};
  for (const route of routes) {
    if ('handle' in route) {
      if (files.includes(path)) return { file: path, headers };
      continue;
    }
    const match = new RegExp(route.src).exec(path);
    if (!match || (route.methods && !route.methods.includes(method))) continue;
    Object.assign(headers, route.headers);
    if (route.status) return { status: route.status, headers };
    if (route.dest && !route.continue) return { dest: route.dest.replace(/\$(\d)/g, (_, group) => match[Number(group)]), headers };
  }
  return { status: 404, headers };
}

describe('Vercel (untried here)', () => {
  const plan = planIn('vercel');
  const routes = vercelRoutes(plan);
  const files = plan.topFiles.map((name) => `/${name}`).concat('/assets/index-abc.js');

  it('holds only routes, valid by Vercel’s own schema and normaliser', () => {
    const validate = new Ajv({ strict: false }).compile(routesSchema);
    expect(validate(routes), JSON.stringify(validate.errors)).toBe(true);
    expect(normalizeRoutes(routes).error).toBeNull();
  });

  it('forwards only what the console calls on the agent, marked as sandboxed data', () => {
    expect(routeOnVercel(routes, files, 'POST', '/agent/invoke')).toMatchObject({
      dest: `${EXAMPLE.target}/invoke`,
      headers: { 'Content-Security-Policy': SANDBOX },
    });
    expect(routeOnVercel(routes, files, 'DELETE', '/agent/apps/a/users/u/sessions/s').dest).toBe(
      `${EXAMPLE.target}/apps/a/users/u/sessions/s`,
    );
    for (const [method, path] of [
      ['GET', '/agent/invoke'],
      ['GET', '/agent/ping'],
      ['PUT', '/agent/apps/a/users/u/sessions/s'],
      ['POST', '/agent/run_sse/x'],
    ]) {
      expect({ method, path, ...routeOnVercel(routes, files, method, path) }).toMatchObject({
        status: 404,
        headers: { 'Content-Security-Policy': SANDBOX },
      });
    }
  });

  it('serves the console at its routes and each file with its headers', () => {
    for (const path of ['/', '/callback', '/debugger']) {
      expect(routeOnVercel(routes, files, 'GET', path).headers).toMatchObject({
        'Content-Security-Policy': plan.policies.console,
        'Cache-Control': 'no-cache',
        'Referrer-Policy': 'no-referrer',
      });
    }
    expect(routeOnVercel(routes, files, 'GET', '/callback').dest).toBe('/index.html');
    expect(routeOnVercel(routes, files, 'GET', '/silent-callback.html')).toMatchObject({
      file: '/silent-callback.html',
      headers: { 'Content-Security-Policy': plan.policies.silentCallback },
    });
    expect(routeOnVercel(routes, files, 'GET', '/config.json').headers['Cache-Control']).toBe('no-store');
    expect(routeOnVercel(routes, files, 'GET', '/assets/index-abc.js').headers).toEqual({
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    });
    expect(routeOnVercel(routes, files, 'GET', '/vercel.json').status).toBe(404);
  });
});

describe('TOS + CDN (untried here)', () => {
  const plan = planIn('tos');
  const rules = cdnRules(plan);

  it('sends the agent path to the gateway and the console’s routes to index.html, by the CDN’s path rewrites', () => {
    const [agent, routes] = rules['originUrlRewrites (回源 URL 改写, 路径改写)'];
    const rewrite = (rule: { requestPath: string; originPath: string }, path: string) =>
      path.replace(new RegExp(rule.requestPath), rule.originPath);
    expect(rewrite(agent, '/agent/invoke')).toBe('/invoke');
    expect(rewrite(agent, '/agent/apps/a/users/u')).toBe('/apps/a/users/u');
    expect(rewrite(routes, '/callback')).toBe('/index.html');
    expect(rewrite(routes, '/debugger')).toBe('/index.html');
    expect(rewrite(routes, '/callbackx')).toBe('/callbackx');
    expect(rules['origins (回源配置 → 源站 / 条件源站)'][1]).toMatchObject({
      for: '/agent/*',
      origin: new URL(EXAMPLE.target).hostname,
      protocol: 'https',
    });
  });

  it('names the bucket’s index document and says plainly that the bucket cannot forward', () => {
    expect(websiteConfig()).toEqual({ IndexDocument: { Suffix: 'index.html', ForbiddenSubDir: true } });
    const todo = tos.todo(plan).join('\n');
    expect(todo).toContain('Set-Cookie');
    expect(todo).toContain('回源 URL 改写');
    expect(todo).toContain(`a CNAME from ${new URL(EXAMPLE.origin).hostname}`);
    expect(todo).toContain('allowed callback URLs');
  });
});

/**
 * The example deployment docs/deploy.md shows: the same generators as `npm run deploy`, for a placeholder pool,
 * gateway and host. tests/unit/deploy-docs.test.ts checks that the document shows exactly their output.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { consolePolicy, headerPolicy, SILENT_CALLBACK_POLICY } from '../csp.ts';
import type { HostName, SitePlan } from './site.ts';

export const EXAMPLE = {
  origin: 'https://console.example.com',
  issuer: 'https://userpool-xxxx.userpool.auth.id.cn-beijing.volces.com',
  clientId: '<client id>',
  target: 'https://xxxx.apigateway-cn-beijing.volceapi.com',
  project: '/path/to/agent-console',
  root: '/srv/agent-console',
} as const;

/** The files at the top of a built dist/: index.html and what public/ holds. */
export function builtTopFiles(projectDir = process.cwd()): string[] {
  return ['index.html', ...readdirSync(join(projectDir, 'public'))].sort();
}

export function examplePlan(host: HostName, overrides: Partial<SitePlan> = {}): SitePlan {
  return {
    host,
    distDir: `${EXAMPLE.project}/dist`,
    outDir: `${EXAMPLE.project}/deploy/${host}`,
    root: EXAMPLE.root,
    origin: EXAMPLE.origin,
    serve: false,
    port: 8082,
    agent: { path: '/agent', target: EXAMPLE.target },
    policies: {
      console: headerPolicy(consolePolicy({ pool: new URL(EXAMPLE.issuer).origin }), "'none'"),
      silentCallback: headerPolicy(SILENT_CALLBACK_POLICY, "'self'"),
    },
    routes: ['/callback', '/debugger'],
    topFiles: builtTopFiles(),
    pool: { issuer: EXAMPLE.issuer, clientId: EXAMPLE.clientId, redirectUri: `${EXAMPLE.origin}/callback` },
    ...overrides,
  };
}

/**
 * What every host must do for the console, independent of its syntax: which paths get which headers and caching,
 * which routes fall back to index.html, where the agent path goes. Each file in hosts/ renders this plan.
 */
import { AGENT_ANSWER_POLICY } from './edge/agent-proxy.ts';

export const HOSTS = ['nginx', 'caddy', 'cloudflare', 'netlify', 'vercel', 'tos'] as const;
export type HostName = (typeof HOSTS)[number];

export interface SitePlan {
  host: HostName;
  /** The built console (absolute): config.json is written and the policy stamped here. */
  distDir: string;
  /** Where the host's own files that must not be published go (absolute), beside dist/. */
  outDir: string;
  /** Where the web server finds the contents of dist/ (nginx, Caddy): the dist folder itself unless --root says. */
  root: string;
  /** The console's public origin, when the configuration or --origin names it. */
  origin?: string;
  /** Served on this machine by the real host software (`--serve`), on 127.0.0.1:port. */
  serve: boolean;
  port: number;
  agent: { path: string; target: string };
  /** Header values, frame-ancestors included (it works only as a header). */
  policies: { console: string; silentCallback: string };
  /** The console's routes that are no file: the SPA fallback serves index.html for them. */
  routes: string[];
  /** The files at the top of dist/ (index.html, config.json, …): some hosts list them one by one. */
  topFiles: string[];
  /** What the to-do list names: the user pool and the client. */
  pool: { issuer: string; clientId: string; redirectUri: string };
}

export type Header = readonly [name: string, value: string];

export const CACHE_REVALIDATE = 'no-cache';
export const CACHE_NEVER = 'no-store';
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
export const HSTS = 'max-age=63072000; includeSubDomains';
export const NOSNIFF: Header = ['X-Content-Type-Options', 'nosniff'];
export const NO_REFERRER: Header = ['Referrer-Policy', 'no-referrer'];
export const AGENT_ANSWER_HEADERS: readonly Header[] = [['Content-Security-Policy', AGENT_ANSWER_POLICY], NOSNIFF];

/** Pages of the console that are files with a policy of their own. */
export const SILENT_CALLBACK = '/silent-callback.html';
export const CONFIG_FILE = '/config.json';
export const ASSETS = '/assets/';

/** The headers of each kind of path. `tls` adds HSTS (a browser ignores it over plain http anyway). */
export function headerSets(plan: SitePlan, tls: boolean) {
  const hsts: Header[] = tls ? [['Strict-Transport-Security', HSTS]] : [];
  return {
    /** index.html, the console's routes and the small files beside it (config-read.js, …): revalidated. */
    console: [
      ['Cache-Control', CACHE_REVALIDATE],
      ['Content-Security-Policy', plan.policies.console],
      NOSNIFF,
      NO_REFERRER,
      ...hsts,
    ] as Header[],
    silentCallback: [
      ['Cache-Control', CACHE_REVALIDATE],
      ['Content-Security-Policy', plan.policies.silentCallback],
      NOSNIFF,
      NO_REFERRER,
      ...hsts,
    ] as Header[],
    config: [['Cache-Control', CACHE_NEVER], NOSNIFF, ...hsts] as Header[],
    assets: [['Cache-Control', CACHE_FOREVER], NOSNIFF, ...hsts] as Header[],
    agent: [...AGENT_ANSWER_HEADERS, ...hsts] as Header[],
  };
}

/** The agent URL split the way proxies want it: origin, and a path prefix without a trailing slash. */
export function agentTarget(plan: SitePlan): { url: URL; origin: string; prefix: string } {
  const url = new URL(plan.agent.target);
  return { url, origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/** Escapes a literal path for a regular expression (paths are limited to letters, digits, ".", "_", "~", "-"). */
export function regexPath(path: string): string {
  return path.replace(/[.*+?^${}()|[\]\\/]/g, (char) => (char === '/' ? '/' : `\\${char}`));
}

export function isTls(plan: SitePlan): boolean {
  return !plan.serve && !!plan.origin && new URL(plan.origin).protocol === 'https:';
}

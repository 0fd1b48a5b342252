/**
 * Vercel (untried here: its local tools need an account or the network). One dist/vercel.json whose `routes` set
 * the headers of each path, forward only the agent routes the console calls (Vercel's routes can match methods) to
 * the gateway, and serve index.html for the console's routes. vercel.json cannot remove a Set-Cookie the gateway
 * sends: docs/deploy.md says so.
 */
import { join } from 'node:path';
import { AGENT_ROUTES } from '../edge/agent-proxy.ts';
import { ASSETS, agentTarget, CONFIG_FILE, type Header, headerSets, regexPath, SILENT_CALLBACK, type SitePlan } from '../site.ts';
import { type Host, poolTodo } from './host.ts';

/** A route of vercel.json: a match with what to do, or the point where the files are looked up. */
export type VercelRoute =
  | { src: string; dest?: string; methods?: string[]; headers?: Record<string, string>; status?: number; continue?: boolean }
  | { handle: 'filesystem' };

const record = (headers: readonly Header[]) => Object.fromEntries(headers);

export function vercelRoutes(plan: SitePlan): VercelRoute[] {
  const sets = headerSets(plan, true);
  const target = agentTarget(plan);
  const agent = regexPath(plan.agent.path);
  const forwarded = AGENT_ROUTES.map((route): VercelRoute => {
    const below = regexPath(route.path);
    return {
      src: route.prefix ? `^${agent}${below}(.+)$` : `^${agent}${below}$`,
      methods: [...route.methods],
      dest: `${target.origin}${target.prefix}${route.path}${route.prefix ? '$1' : ''}`,
      headers: record(sets.agent),
    };
  });
  // Every path but the three above gets the console's headers.
  const others = [`${regexPath(ASSETS.slice(1))}`, `${regexPath(CONFIG_FILE.slice(1))}$`, `${regexPath(SILENT_CALLBACK.slice(1))}$`].join(
    '|',
  );
  return [
    { src: '^/vercel\\.json$', status: 404 },
    ...forwarded,
    // Anything else under the agent path: refused here, never forwarded.
    { src: `^${agent}(/.*)?$`, status: 404, headers: record(sets.agent) },
    { src: `^${regexPath(ASSETS)}(.*)$`, headers: record(sets.assets), continue: true },
    { src: `^${regexPath(CONFIG_FILE)}$`, headers: record(sets.config), continue: true },
    { src: `^${regexPath(SILENT_CALLBACK)}$`, headers: record(sets.silentCallback), continue: true },
    { src: `^/(?!${others}).*$`, headers: record(sets.console), continue: true },
    { handle: 'filesystem' },
    { src: `^(${plan.routes.map(regexPath).join('|')})$`, dest: '/index.html' },
  ];
}

export function vercelJson(plan: SitePlan): string {
  return `${JSON.stringify({ $schema: 'https://openapi.vercel.sh/vercel.json', routes: vercelRoutes(plan) }, null, 2)}\n`;
}

export const vercel: Host = {
  name: 'vercel',
  title: 'Vercel',
  distFiles: ['vercel.json'],
  files: (plan) => [{ path: join(plan.distDir, 'vercel.json'), text: vercelJson(plan) }],
  todo: (plan) => [
    `Publish (untried here): npx vercel deploy ${plan.distDir} --prod (it asks you to log in and to link or create the project; the folder is the project, no build).`,
    plan.origin
      ? `DNS and TLS: in the project's Settings → Domains, add ${new URL(plan.origin).hostname} and set the DNS record Vercel shows; Vercel issues the certificate.`
      : 'DNS and TLS: the site answers on https://<project>.vercel.app; add a domain in the project settings if you want one, and run again with --origin.',
    ...poolTodo(plan),
  ],
};

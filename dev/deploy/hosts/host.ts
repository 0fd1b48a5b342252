import type { HostName, SitePlan } from '../site.ts';

/** A file `npm run deploy` writes: into dist/ (published) or beside it (the host's configuration). */
export interface OutputFile {
  /** Absolute path. */
  path: string;
  text: string;
}

/** How `--serve` runs the host's own software in the foreground. */
export interface ServeCommand {
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Files and folders it needs besides the host's own files (a wrapping nginx.conf, scratch folders). */
  files?: OutputFile[];
  dirs?: string[];
  /** Why the software cannot run here, if it cannot (missing binary): printed instead of starting. */
  missing?: string;
}

export interface Host {
  name: HostName;
  /** What the host is, for the summary. */
  title: string;
  files(plan: SitePlan): OutputFile[];
  /** Names this host writes into dist/, removed when another host is deployed from the same folder. */
  distFiles: readonly string[];
  /** What is left to do by hand, in order. */
  todo(plan: SitePlan): string[];
  /** The real host software on this machine, or undefined where none runs offline (Netlify, Vercel, TOS). */
  serve?(plan: SitePlan): ServeCommand;
}

/** The to-do lines every host shares: the user pool's client and the agent's inbound auth. */
export function poolTodo(plan: SitePlan): string[] {
  const origin = plan.origin ?? '<the console’s origin, e.g. https://console.example.com>';
  return [
    `In the user pool, client ${plan.pool.clientId}: allowed callback URLs ${plan.pool.redirectUri} and ${origin}/silent-callback.html;` +
      ` allowed logout URL ${origin}/; allowed web origin (CORS) ${origin}.`,
    `On the agent (agentkit.yaml): runtime_auth_type custom_jwt with runtime_jwt_discovery_url ${plan.pool.issuer}/.well-known/openid-configuration` +
      ` and ${plan.pool.clientId} in runtime_jwt_allowed_clients.`,
  ];
}

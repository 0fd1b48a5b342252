/**
 * The configuration `npm run deploy` deploys: the keys of .env or the environment (as `npm run build` reads them),
 * checked by the setup screen's own rules (src/config/schema.ts) and refused with its messages. What passes becomes
 * dist/config.json, complete: every key is in it (null where unset), so nothing baked into the build applies and
 * the console sees exactly what was checked here.
 */
import { type ConfigProblem, validateConfig } from '../../src/config/schema.ts';
import { hasUnsafeCharacters, visible } from '../../src/config/url-checks.ts';
import { enSetup } from '../../src/i18n/en-setup.ts';
import { DEV_AGENT_PATH, PUBLIC_CONFIG_KEYS, SECRET_WARNING } from '../console-env.ts';
import { DEFAULT_CONSOLE_PORT, readPort } from '../defaults.ts';

export type ConfigJson = Record<(typeof PUBLIC_CONFIG_KEYS)[number], string | null>;

export interface DeployConfig {
  configJson: ConfigJson;
  /** The console's public origin, when known (--origin, OAUTH2_REDIRECT_URI, or the local one of --serve). */
  origin?: string;
  port: number;
  agent: { path: string; target: string };
  pool: { issuer: string; clientId: string; redirectUri: string };
  warnings: string[];
}

export type DeployConfigResult = { ok: true; config: DeployConfig } | { ok: false; errors: string[] };

/** Validates against an origin nobody owns when the real one is not known: only the redirect URI's checks need it. */
const UNKNOWN_ORIGIN = 'https://console.invalid';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A path that every host's rules can name without quoting: segments of letters, digits, ".", "_", "~", "-". */
const PLAIN_PATH = /^(\/[A-Za-z0-9._~-]+)+$/;
/** Characters that would end a value in nginx, Caddy or TOML syntax; a URL parser leaves some of them in. */
const CONFIG_BREAKERS = /[\s"'`;{}$\\]/;

type Message = keyof typeof enSetup;

/** `KEY: message hint`, as the setup screen lists a problem (English). */
function line(key: string, message: Message, params: Record<string, string | number>, hint?: Message): string {
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
  return `${key}: ${fill(enSetup[message])}${hint ? ` ${enSetup[hint]}` : ''}`;
}

export function problemText(problem: ConfigProblem): string {
  const message = problem.message in enSetup ? (problem.message as Message) : undefined;
  const hint = problem.hint && problem.hint in enSetup ? (problem.hint as Message) : undefined;
  return message ? line(problem.key, message, problem.params, hint) : `${problem.key}: ${problem.message}`;
}

/** An absolute http(s) URL the host forwards to or serves at: the setup screen's URL rules, and no quoting needed. */
function urlProblem(key: string, value: string, allowPath: boolean): string | undefined {
  if (hasUnsafeCharacters(value)) return line(key, 'config.unsafeCharacters', { key, value: visible(value) });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return line(key, 'config.notUrl', { key, value });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return line(key, 'config.notUrl', { key, value });
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return line(key, 'config.insecure', { key, value });
  if (url.search || url.hash || url.username || url.password) return line(key, 'config.issuerExtras', { key, value });
  if (!allowPath && url.pathname !== '/')
    return `${key}: ${key} must be an origin without a path, such as https://console.example.com, got "${value}".`;
  if (CONFIG_BREAKERS.test(decodeURI(url.href))) {
    return `${key}: ${key} contains a space, a quote or one of ; { } $ that a host's configuration cannot carry, got "${value}".`;
  }
  return undefined;
}

function agentPathProblem(path: string): string | undefined {
  if (!PLAIN_PATH.test(path) || path === '/assets' || path.startsWith('/assets/')) {
    return `AGENT_ENDPOINT: the agent path must be letters, digits, ".", "_", "~" or "-" between slashes (and not under /assets), such as ${DEV_AGENT_PATH}, got "${path}".`;
  }
  return undefined;
}

/**
 * Where the browser calls the agent and where the host forwards it, like `npm run dev`: a path on the console's
 * origin (AGENT_ENDPOINT=/agent) goes to AGENT_PROXY_TARGET; an absolute AGENT_ENDPOINT is reached through /agent,
 * since the AgentKit gateway sends no CORS headers.
 */
function agentRoute(env: Record<string, string | undefined>, host: string): { path?: string; target?: string; errors: string[] } {
  const endpoint = env.AGENT_ENDPOINT?.trim() || undefined;
  const proxyTarget = env.AGENT_PROXY_TARGET?.trim() || undefined;
  if (!endpoint && !proxyTarget) return { errors: [] }; // validateConfig says AGENT_ENDPOINT is missing
  const relative = endpoint?.startsWith('/');
  const path = relative && endpoint ? endpoint.replace(/\/+$/, '') : DEV_AGENT_PATH;
  if (relative && !proxyTarget) {
    return {
      path,
      errors: [
        `AGENT_PROXY_TARGET: AGENT_PROXY_TARGET is missing. AGENT_ENDPOINT is the path ${endpoint} on the console's origin: set AGENT_PROXY_TARGET to the agent's URL (the AgentKit Runtime endpoint) for ${host} to forward it.`,
      ],
    };
  }
  const [key, target] = proxyTarget ? ['AGENT_PROXY_TARGET', proxyTarget] : ['AGENT_ENDPOINT', endpoint ?? ''];
  const errors = [urlProblem(key, target, true), relative ? agentPathProblem(path) : undefined].filter((error) => error !== undefined);
  return { path, target, errors };
}

export interface ResolveOptions {
  host: string;
  serve: boolean;
  /** --origin: the console's public origin, when the configuration does not say it. */
  origin?: string;
}

export function resolveDeployConfig(env: Record<string, string | undefined>, options: ResolveOptions): DeployConfigResult {
  const errors: string[] = [];
  const warnings = env.OAUTH2_CLIENT_SECRET ? [SECRET_WARNING] : [];
  let port = DEFAULT_CONSOLE_PORT;
  try {
    port = readPort(env.CONSOLE_PORT, DEFAULT_CONSOLE_PORT, 'CONSOLE_PORT');
  } catch (error) {
    errors.push(`CONSOLE_PORT: ${(error as Error).message}`);
  }
  const agent = agentRoute(env, options.host);
  errors.push(...agent.errors);

  const configJson = Object.fromEntries(PUBLIC_CONFIG_KEYS.map((key) => [key, env[key]?.trim() || null])) as ConfigJson;
  if (agent.path) configJson.AGENT_ENDPOINT = agent.path;

  let origin: string | undefined;
  if (options.serve) origin = `http://127.0.0.1:${port}`;
  else if (options.origin) {
    const problem = urlProblem('--origin', options.origin, false);
    if (problem) errors.push(problem);
    else origin = new URL(options.origin).origin;
  } else if (configJson.OAUTH2_REDIRECT_URI) {
    try {
      origin = new URL(configJson.OAUTH2_REDIRECT_URI).origin; // a bad value is reported by validateConfig below
    } catch {}
  }
  if (origin && CONFIG_BREAKERS.test(origin))
    errors.push(`OAUTH2_REDIRECT_URI: its origin ${origin} cannot be named in a host's configuration.`);

  const result = validateConfig(configJson, origin ?? UNKNOWN_ORIGIN);
  if (!result.ok) errors.unshift(...result.problems.map(problemText));
  if (!result.ok || errors.length > 0 || !agent.path || !agent.target) return { ok: false, errors };
  const redirectUri = configJson.OAUTH2_REDIRECT_URI ? result.config.redirectUri : `${origin ?? '<the console’s origin>'}/callback`;
  return {
    ok: true,
    config: {
      configJson,
      origin,
      port,
      agent: { path: agent.path, target: agent.target },
      pool: { issuer: result.config.issuer, clientId: result.config.clientId, redirectUri },
      warnings,
    },
  };
}

/**
 * What the Vite config takes from the environment: the public configuration baked into the bundle,
 * and where the same-origin agent path is forwarded. Secrets never pass through here.
 */
export const PUBLIC_CONFIG_KEYS = [
  'OAUTH2_ISSUER_URI',
  'OAUTH2_CLIENT_ID',
  'OAUTH2_REDIRECT_URI',
  'OAUTH2_SCOPES',
  'AGENT_NAME',
  'AGENT_ENDPOINT',
  'TRUSTED_ISSUERS',
] as const;

export type PublicConfig = Partial<Record<(typeof PUBLIC_CONFIG_KEYS)[number], string>>;

/** The path on the console's own origin that the dev server and `vite preview` forward to the agent. */
export const DEV_AGENT_PATH = '/agent';

export const SECRET_WARNING =
  'OAUTH2_CLIENT_SECRET is set but ignored: a browser app cannot keep a secret. Register a single-page ' +
  '(public) client in the user pool and sign in with PKCE; the secret is never put in the bundle.';

export function pickPublicConfig(env: Record<string, string | undefined>): PublicConfig {
  const picked: PublicConfig = {};
  for (const key of PUBLIC_CONFIG_KEYS) {
    const value = env[key]?.trim();
    if (value) picked[key] = value;
  }
  return picked;
}

export function isAbsoluteUrl(value: string | undefined): boolean {
  return !!value && /^https?:\/\//i.test(value);
}

/** What a proxy answer looks like to the hook below (http-proxy's `proxyRes` event: Node's IncomingMessage). */
interface ProxiedAnswer {
  headers: Record<string, string | string[] | undefined>;
}
interface ProxyEvents {
  on(event: 'proxyRes', listener: (answer: ProxiedAnswer) => void): unknown;
}

export interface AgentProxy {
  /** The endpoint the browser calls. */
  endpoint: string | undefined;
  /** Proxy rules for Vite's server.proxy / preview.proxy. */
  proxy: Record<
    string,
    { target: string; changeOrigin: boolean; rewrite: (path: string) => string; configure: (proxy: ProxyEvents) => void }
  >;
}

/**
 * Answers from the agent path are data, never a page of the console: as in the nginx configuration of npm run deploy, they are
 * sandboxed (a gateway's HTML error page opened on the console's origin runs no script as the console), not
 * sniffed into another type, and set no cookie on the console's origin.
 */
export function sandboxAgentAnswer(answer: ProxiedAnswer) {
  delete answer.headers['set-cookie'];
  answer.headers['content-security-policy'] = "sandbox; default-src 'none'";
  answer.headers['x-content-type-options'] = 'nosniff';
}

function forward(path: string, target: string) {
  const base = new URL(target);
  const prefix = base.pathname.replace(/\/$/, '');
  return {
    [path]: {
      target: base.origin,
      changeOrigin: true,
      rewrite: (requested: string) => prefix + requested.slice(path.length),
      configure: (proxy: ProxyEvents) => {
        proxy.on('proxyRes', sandboxAgentAnswer);
      },
    },
  };
}

/**
 * Dev server: the agent is always reached through DEV_AGENT_PATH, so no CORS is needed.
 * Preview and production: the configured endpoint is used as is; a relative one is forwarded to
 * AGENT_PROXY_TARGET when that is set (a CDN or nginx rewrite does the same in production).
 */
export function agentProxy(env: Record<string, string | undefined>, command: 'serve' | 'preview' | 'build'): AgentProxy {
  const endpoint = env.AGENT_ENDPOINT?.trim() || undefined;
  const target = env.AGENT_PROXY_TARGET?.trim() || (isAbsoluteUrl(endpoint) ? endpoint : undefined);
  if (command === 'serve' && target) return { endpoint: DEV_AGENT_PATH, proxy: forward(DEV_AGENT_PATH, target) };
  if (command === 'build' || !target || !endpoint || isAbsoluteUrl(endpoint)) return { endpoint, proxy: {} };
  return { endpoint, proxy: forward(endpoint.replace(/\/$/, ''), target) };
}

/**
 * Source maps would publish the whole source next to the bundle: off unless BUILD_SOURCEMAP asks for them
 * (`hidden` writes .map files without pointing to them, to upload to an error tracker and not deploy).
 */
export function buildSourcemap(value: string | undefined): boolean | 'hidden' {
  const wanted = value?.trim().toLowerCase();
  if (wanted === 'hidden') return 'hidden';
  return wanted === 'true' || wanted === '1' || wanted === 'on';
}

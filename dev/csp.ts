/**
 * The console's Content-Security-Policy. Only three configuration values name other origins: the user
 * pool (discovery, token, revocation and userinfo by fetch; the prompt=none renewal in an iframe), an
 * absolute agent endpoint, and the issuers whose keys the debugger may fetch (TRUSTED_ISSUERS). No
 * wildcard: a script that ever ran in the console could send a token only to these. Shared by the build
 * (vite.config.ts), `npm run csp` and the tests.
 */

/** The origins a policy is made from; undefined means "the console's own origin" or "not configured". */
export interface PolicySources {
  pool?: string;
  agent?: string;
  /** Other issuers the debugger fetches keys from (fetches only, never frames). */
  issuers?: string[];
}

/** The configuration keys that feed the policy, as in .env and config.json. */
export interface PolicyConfig {
  OAUTH2_ISSUER_URI?: unknown;
  AGENT_ENDPOINT?: unknown;
  TRUSTED_ISSUERS?: unknown;
}

/**
 * A console running against a loopback pool (the local stack and its tests) also reaches other loopback
 * ports, pools and agents alike; nothing else is ever allowed by pattern.
 */
const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
/** CSP host-source allows letters, digits, dots and dashes only (no IPv6 literal). */
const CSP_HOST = /^[a-z0-9.-]+$/;
/** Resolves a relative endpoint the way the browser does: a path stays on the console's origin. */
const CONSOLE_BASE = 'https://console.invalid';

export class PolicyConfigError extends Error {}

/** The origin of an http(s) URL, checked so that a configured value can never add a directive. */
export function policyOrigin(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new PolicyConfigError(`${key} must be a string`);
  const text = value.trim();
  // The URL parser skips tabs and reads a backslash as "/": refuse such a value rather than guess its origin.
  if ([...text].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new PolicyConfigError(`${key} contains a backslash or a control character: ${JSON.stringify(value)}`);
  }
  let url: URL;
  try {
    url = new URL(text, CONSOLE_BASE);
  } catch {
    throw new PolicyConfigError(`${key} is not a URL: ${value}`);
  }
  if (url.origin === CONSOLE_BASE) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PolicyConfigError(`${key} is not an http(s) URL: ${value}`);
  if (!CSP_HOST.test(url.hostname)) {
    throw new PolicyConfigError(`${key} has a host a Content-Security-Policy cannot name (use a DNS name): ${value}`);
  }
  return url.origin;
}

/** TRUSTED_ISSUERS as the console reads it: issuer URLs separated by commas or white space. */
export function splitIssuerList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** The origins of a TRUSTED_ISSUERS value, each checked like any other configured URL. */
export function policyOrigins(key: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new PolicyConfigError(`${key} must be a string`);
  const origins = unique(splitIssuerList(value).map((item) => policyOrigin(key, item)));
  return origins.length > 0 ? origins : undefined;
}

/** The sources named by a configuration (build-time values, or config.json merged over them). */
export function policySources(config: PolicyConfig): PolicySources {
  return {
    pool: policyOrigin('OAUTH2_ISSUER_URI', config.OAUTH2_ISSUER_URI),
    agent: policyOrigin('AGENT_ENDPOINT', config.AGENT_ENDPOINT),
    issuers: policyOrigins('TRUSTED_ISSUERS', config.TRUSTED_ISSUERS),
  };
}

function isLoopbackHttp(origin: string | undefined): boolean {
  if (!origin) return false;
  const url = new URL(origin);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))];
}

/**
 * The policy of index.html. No inline script or style anywhere (React sets styles through the CSSOM,
 * which CSP allows); agent answers can show no remote image, frame, object or form.
 */
export function consolePolicy({ pool, agent, issuers = [] }: PolicySources): string {
  const loopback = isLoopbackHttp(pool) ? LOOPBACK_SOURCES : [];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', unique(["'self'", pool, agent, ...issuers, ...loopback])],
    ['frame-src', unique(["'self'", pool, ...loopback])],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    // The console posts no form anywhere: sign-in and sign-out are top-level navigations.
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** silent-callback.html runs one script of its own and needs nothing else. */
export const SILENT_CALLBACK_POLICY = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'";

/** frame-ancestors works only as a header: the console is framed by nobody, the silent callback by the console. */
export function headerPolicy(policy: string, ancestors: "'none'" | "'self'"): string {
  return `${policy}; frame-ancestors ${ancestors}`;
}

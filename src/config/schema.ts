import type { MessageKey, MessageParams } from '../i18n/index.ts';
import { hasUnsafeCharacters, isReservedRedirectPath, resolvedOrigin, visible } from './url-checks.ts';

/** The configuration everything else reads; produced only by validateConfig. */
export interface ConsoleConfig {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scopes: string;
  agentName: string;
  /** Absolute URL, or a path on the console's origin; never ends with "/". */
  agentEndpoint: string;
  /**
   * Issuers other than the pool whose keys the debugger may fetch (TRUSTED_ISSUERS); the page's policy names
   * them. Always set by validateConfig (empty when none is listed).
   */
  trustedIssuers?: readonly string[];
}

export type ConfigKey =
  | 'OAUTH2_ISSUER_URI'
  | 'OAUTH2_CLIENT_ID'
  | 'OAUTH2_REDIRECT_URI'
  | 'OAUTH2_SCOPES'
  | 'AGENT_NAME'
  | 'AGENT_ENDPOINT'
  | 'TRUSTED_ISSUERS'
  | 'config.json';

export interface ConfigProblem {
  key: ConfigKey;
  message: MessageKey;
  params: MessageParams;
  /** How to fix it, where the message alone does not say. */
  hint?: MessageKey;
}

export type ConfigResult = { ok: true; config: ConsoleConfig } | { ok: false; problems: ConfigProblem[] };

export const DEFAULT_SCOPES = 'openid profile email';
export const DEFAULT_AGENT_NAME = 'Agent';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

type Field = { value: string | undefined; problem?: ConfigProblem };

function unquote(value: string): string {
  // A seed .env writes OAUTH2_SCOPES='openid profile email'; config.json copied from it may keep the quotes.
  return value
    .trim()
    .replace(/^(['"])([\s\S]*)\1$/, '$2')
    .trim();
}

function readString(raw: Record<string, unknown>, key: ConfigKey): Field {
  const value = raw[key];
  if (value === undefined || value === null) return { value: undefined };
  if (typeof value !== 'string') return { value: undefined, problem: { key, message: 'config.notString', params: { key } } };
  return { value: unquote(value) || undefined };
}

function missing(key: ConfigKey): ConfigProblem {
  const hint: MessageKey =
    key === 'OAUTH2_ISSUER_URI' || key === 'OAUTH2_CLIENT_ID' || key === 'AGENT_ENDPOINT' ? `hint.${key}` : 'hint.default';
  return { key, message: 'config.missing', params: { key }, hint };
}

function parseHttpUrl(key: ConfigKey, value: string): { url?: URL; problem?: ConfigProblem } {
  if (hasUnsafeCharacters(value)) {
    return { problem: { key, message: 'config.unsafeCharacters', params: { key, value: visible(value) } } };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: { key, message: 'config.notUrl', params: { key, value } } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: { key, message: 'config.notUrl', params: { key, value } } };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return { problem: { key, message: 'config.insecure', params: { key, value } } };
  }
  return { url };
}

/** The bearer token goes wherever the endpoint leads, so a path must lead to this very origin. */
function endpointProblem(endpoint: string, origin: string): ConfigProblem | undefined {
  const key = 'AGENT_ENDPOINT';
  if (hasUnsafeCharacters(endpoint)) return { key, message: 'config.unsafeCharacters', params: { key, value: visible(endpoint) } };
  if (endpoint.startsWith('/')) {
    const resolved = resolvedOrigin(endpoint, origin);
    if (resolved === origin) return undefined;
    return { key, message: 'config.endpointOrigin', params: { key, value: endpoint, resolved: resolved ?? '?', origin } };
  }
  const { problem } = parseHttpUrl(key, endpoint);
  if (problem?.message === 'config.notUrl') return { key, message: 'config.endpointForm', params: { key, value: endpoint } };
  return problem;
}

/** TRUSTED_ISSUERS: issuer URLs separated by commas or white space (dev/csp.ts splits it the same way). */
function trustedIssuers(value: string | undefined): { issuers: string[]; problems: ConfigProblem[] } {
  const key = 'TRUSTED_ISSUERS';
  const issuers: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const item of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const { url, problem } = parseHttpUrl(key, item);
    if (problem?.message === 'config.notUrl') problems.push({ key, message: 'config.trustedIssuer', params: { key, value: item } });
    else if (problem) problems.push(problem);
    else if (url && (url.search || url.hash)) problems.push({ key, message: 'config.issuerExtras', params: { key, value: item } });
    else issuers.push(item);
  }
  return { issuers, problems };
}

/**
 * Checks raw key/value configuration (build-time values overlaid by config.json) against the one schema.
 * `origin` is the page's own origin: the redirect URI must come back to it.
 */
export function validateConfig(raw: Record<string, unknown>, origin: string): ConfigResult {
  const problems: ConfigProblem[] = [];
  const take = (key: ConfigKey) => {
    const field = readString(raw, key);
    if (field.problem) problems.push(field.problem);
    return field.value;
  };

  const issuer = take('OAUTH2_ISSUER_URI');
  if (!issuer) problems.push(missing('OAUTH2_ISSUER_URI'));
  else {
    const { url, problem } = parseHttpUrl('OAUTH2_ISSUER_URI', issuer);
    if (problem) problems.push(problem);
    else if (url && (url.search || url.hash)) {
      problems.push({ key: 'OAUTH2_ISSUER_URI', message: 'config.issuerExtras', params: { key: 'OAUTH2_ISSUER_URI', value: issuer } });
    }
  }

  const clientId = take('OAUTH2_CLIENT_ID');
  if (!clientId) problems.push(missing('OAUTH2_CLIENT_ID'));

  const redirectUri = take('OAUTH2_REDIRECT_URI') ?? `${origin}/callback`;
  const redirect = parseHttpUrl('OAUTH2_REDIRECT_URI', redirectUri);
  if (redirect.problem) problems.push(redirect.problem);
  else if (redirect.url && redirect.url.origin !== origin) {
    problems.push({
      key: 'OAUTH2_REDIRECT_URI',
      message: 'config.redirectOrigin',
      params: { key: 'OAUTH2_REDIRECT_URI', value: redirectUri, origin },
    });
  } else if (redirect.url && isReservedRedirectPath(redirect.url)) {
    problems.push({
      key: 'OAUTH2_REDIRECT_URI',
      message: 'config.redirectReserved',
      params: { key: 'OAUTH2_REDIRECT_URI', value: redirectUri, path: redirect.url.pathname, origin },
    });
  }

  const scopes = (take('OAUTH2_SCOPES') ?? DEFAULT_SCOPES).split(/\s+/).filter(Boolean).join(' ');
  if (!scopes.split(' ').includes('openid')) {
    problems.push({ key: 'OAUTH2_SCOPES', message: 'config.noOpenid', params: { key: 'OAUTH2_SCOPES', value: scopes } });
  }

  const agentName = take('AGENT_NAME') ?? DEFAULT_AGENT_NAME;

  const endpoint = take('AGENT_ENDPOINT');
  if (!endpoint) problems.push(missing('AGENT_ENDPOINT'));
  else {
    const problem = endpointProblem(endpoint, origin);
    if (problem) problems.push(problem);
  }

  const trusted = trustedIssuers(take('TRUSTED_ISSUERS'));
  problems.push(...trusted.problems);

  if (problems.length > 0 || !issuer || !clientId || !endpoint) return { ok: false, problems };
  return {
    ok: true,
    config: {
      issuer,
      clientId,
      redirectUri,
      scopes,
      agentName,
      agentEndpoint: endpoint.replace(/\/+$/, ''),
      trustedIssuers: trusted.issuers,
    },
  };
}

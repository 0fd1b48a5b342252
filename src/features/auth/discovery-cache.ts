import type { OidcMetadata } from 'oidc-client-ts';

/**
 * The pool's discovery document, kept in sessionStorage for a few minutes so the sign-in callback (a new page,
 * moments after the sign-in that fetched it) can exchange the code without fetching it again. Public metadata
 * only, never a token; used only for the configured issuer, and only while fresh.
 */
export const DISCOVERY_CACHE_KEY = 'agent-console.discovery';
export const DISCOVERY_MAX_AGE_MS = 10 * 60_000;
/** A real discovery document is a few KB. */
const MAX_CACHED_CHARS = 64 * 1024;
/** Members the client navigates to or fetches: each must be an http(s) URL. */
const URL_MEMBERS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'end_session_endpoint',
  'revocation_endpoint',
  'jwks_uri',
  'check_session_iframe',
] as const;

interface CachedDiscovery {
  savedAt: number;
  document: Partial<OidcMetadata>;
}

function sameIssuer(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function usable(document: unknown, issuer: string): document is Partial<OidcMetadata> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const members = document as Record<string, unknown>;
  if (!sameIssuer(members.issuer, issuer) || !isHttpUrl(members.token_endpoint)) return false;
  return URL_MEMBERS.every((name) => !Object.hasOwn(members, name) || isHttpUrl(members[name]));
}

/** The document saved for `issuer` less than DISCOVERY_MAX_AGE_MS ago, or undefined. */
export function readCachedDiscovery(storage: Storage, issuer: string, now = Date.now()): Partial<OidcMetadata> | undefined {
  let cached: Partial<CachedDiscovery>;
  try {
    const text = storage.getItem(DISCOVERY_CACHE_KEY);
    if (!text || text.length > MAX_CACHED_CHARS) return undefined;
    cached = JSON.parse(text) as Partial<CachedDiscovery>;
  } catch {
    return undefined;
  }
  const age = now - (typeof cached?.savedAt === 'number' ? cached.savedAt : Number.NaN);
  if (!(age >= 0 && age < DISCOVERY_MAX_AGE_MS)) return undefined;
  return usable(cached.document, issuer) ? cached.document : undefined;
}

/** Saves a document just fetched from `issuer`; a document naming another issuer, or too large, is not kept. */
export function saveDiscovery(storage: Storage, issuer: string, document: Partial<OidcMetadata>, now = Date.now()) {
  if (!usable(document, issuer)) return;
  const text = JSON.stringify({ savedAt: now, document } satisfies CachedDiscovery);
  if (text.length > MAX_CACHED_CHARS) return;
  try {
    storage.setItem(DISCOVERY_CACHE_KEY, text);
  } catch {
    // A full storage only costs the callback one more request.
  }
}

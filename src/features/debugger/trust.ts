/**
 * Where a discovery URL points, parsed rather than pattern-matched: `https://pool.example.evil.com` and
 * `https://pool.example@evil.com` start with the pool's URL but are other origins.
 */
/** `host` is what a person should read: the host name for https, the whole origin for plain http (another origin). */
export function webOrigin(url: string): { origin: string; host: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return { origin: parsed.origin, host: parsed.protocol === 'https:' ? parsed.host : parsed.origin };
}

/**
 * What the debugger may fetch: the configured pool's origin; an issuer the deployment lists in TRUSTED_ISSUERS
 * (the page's Content-Security-Policy names those and no other), once the user approved it by a click that named
 * it; never anything else, whose keys the user pastes instead.
 */
export type FetchPermission =
  | { kind: 'pool' }
  | { kind: 'approved'; host: string }
  | { kind: 'ask'; origin: string; host: string }
  | { kind: 'unlisted'; origin: string; host: string }
  | { kind: 'invalid' };

export function fetchPermission(
  url: string,
  poolIssuer: string,
  trustedIssuers: readonly string[],
  approved: ReadonlySet<string>,
): FetchPermission {
  const target = webOrigin(url);
  if (!target) return { kind: 'invalid' };
  if (target.origin === webOrigin(poolIssuer)?.origin) return { kind: 'pool' };
  if (!trustedIssuers.some((issuer) => webOrigin(issuer)?.origin === target.origin)) return { kind: 'unlisted', ...target };
  return approved.has(target.origin) ? { kind: 'approved', host: target.host } : { kind: 'ask', ...target };
}

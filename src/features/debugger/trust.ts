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

/** What the debugger may fetch: the configured pool's origin, or one the user approved by a click that named it. */
export type FetchPermission =
  | { kind: 'pool' }
  | { kind: 'approved'; host: string }
  | { kind: 'ask'; origin: string; host: string }
  | { kind: 'invalid' };

export function fetchPermission(url: string, poolIssuer: string, approved: ReadonlySet<string>): FetchPermission {
  const target = webOrigin(url);
  if (!target) return { kind: 'invalid' };
  if (target.origin === webOrigin(poolIssuer)?.origin) return { kind: 'pool' };
  return approved.has(target.origin) ? { kind: 'approved', host: target.host } : { kind: 'ask', ...target };
}

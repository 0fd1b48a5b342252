/**
 * Display names from the pool's userinfo, asked with the caller's own verified token: the access token
 * carries no name (like the real pool's), and the user_id header is not to be trusted.
 */
export function createUserNames(userinfoEndpoint: () => Promise<string | undefined>) {
  const names = new Map<string, { name: string | undefined; until: number }>();
  const TTL_MS = 5 * 60_000;

  return async function nameOf(sub: string, token: string): Promise<string | undefined> {
    const cached = names.get(sub);
    if (cached && cached.until > Date.now()) return cached.name;
    let name: string | undefined;
    try {
      const endpoint = await userinfoEndpoint();
      if (endpoint) {
        const response = await fetch(endpoint, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(3000) });
        if (response.ok) {
          const info = (await response.json()) as { sub?: string; name?: string; preferred_username?: string };
          if (info.sub === sub) name = info.name || info.preferred_username || undefined;
        }
      }
    } catch {
      // The greeting falls back to the sub; a slow or absent userinfo must not fail the call.
    }
    names.set(sub, { name, until: Date.now() + TTL_MS });
    return name;
  };
}

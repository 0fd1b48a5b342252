const MAX_LEAD_MS = 60_000;

/**
 * When to renew: min(60 s, half the remaining lifetime) before expiry, so a token that lives 15 s is renewed
 * after 7.5 s instead of at once in a loop. Measured when the token arrives, so "remaining" is its lifetime.
 */
export function renewalDelayMs(expiresAtSeconds: number | undefined, nowMs: number): number | undefined {
  if (expiresAtSeconds === undefined) return undefined;
  const remaining = expiresAtSeconds * 1000 - nowMs;
  if (remaining <= 0) return 0;
  return remaining - Math.min(MAX_LEAD_MS, remaining / 2);
}

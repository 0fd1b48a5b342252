const MAX_LEAD_MS = 60_000;
/** setTimeout runs a delay above 2^31−1 ms at once: a 30-day token would be renewed in a loop. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** Two renewals never start closer together than this, whatever the token's lifetime. */
export const MIN_RENEWAL_GAP_MS = 5_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

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

/** The moment (epoch ms) the next renewal may start: when due, but never within the gap after the last one. */
export function nextRenewalAt(dueInMs: number, nowMs: number, lastRenewalAt: number | undefined): number {
  return Math.max(nowMs + dueInMs, (lastRenewalAt ?? Number.NEGATIVE_INFINITY) + MIN_RENEWAL_GAP_MS);
}

/** A timer delay that setTimeout honours; a timer cut short re-arms itself until the moment is reached. */
export function timerDelayMs(atMs: number, nowMs: number): number {
  return Math.min(Math.max(0, atMs - nowMs), MAX_TIMER_DELAY_MS);
}

/** After the nth failed renewal in a row (n ≥ 1): 5 s, 10 s, 20 s, … up to 5 min. */
export function retryDelayMs(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
}

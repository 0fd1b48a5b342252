/**
 * The moment of the last sign-out in any tab of this browser (epoch ms), kept in localStorage: a timestamp, never a
 * token. The broadcast to other tabs misses a tab that is still loading; this record does not. Until a deliberate
 * sign-in lifts it, no tab signs back in silently, and whatever a tab obtained from the pool after starting before
 * that moment is discarded.
 */
export const SIGNED_OUT_AT_KEY = 'agent-console.signed-out-at';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked: the broadcast and the tab's own flag still apply
  }
}

export function recordSignOut(at: number) {
  try {
    storage()?.setItem(SIGNED_OUT_AT_KEY, String(at));
  } catch {
    // A full or blocked storage: other tabs still get the broadcast.
  }
}

export function lastSignOut(): number | undefined {
  const value = Number(storage()?.getItem(SIGNED_OUT_AT_KEY) ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** True when a sign-out was recorded at or after `startedAt` (epoch ms): what started then must not sign a tab in. */
export function signedOutSince(startedAt: number): boolean {
  const last = lastSignOut();
  return last !== undefined && last >= startedAt;
}

/** A deliberate sign-in that started at `startedAt` lifts the record of any sign-out before it. */
export function liftSignOutBefore(startedAt: number) {
  const last = lastSignOut();
  if (last === undefined || last >= startedAt) return;
  try {
    storage()?.removeItem(SIGNED_OUT_AT_KEY);
  } catch {
    // Nothing to lift.
  }
}

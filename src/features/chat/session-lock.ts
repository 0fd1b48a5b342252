/**
 * One live tab per session_id. A duplicated tab copies sessionStorage, conversation and session_id included; the
 * agent would then mix two tabs' turns in one session. Each tab holds a Web Lock named after its session for as
 * long as it lives; a tab that cannot get it is a copy and must start its own session.
 */
const LOCK_PREFIX = 'agent-console.session.';
/** A reload's new page may ask before the old page's lock is released; a live copy never lets go. */
const RELOAD_GRACE_MS = 1_500;

const held = new Map<string, Promise<boolean>>();
const releases = new Map<string, () => void>();

/** Holds the session's lock from the moment it is granted until released; false when it is not granted. */
function holdLock(locks: LockManager, sessionId: string, options: LockOptions): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    locks
      .request(`${LOCK_PREFIX}${sessionId}`, options, (lock) => {
        if (!lock) return resolve(false); // ifAvailable: someone holds it
        resolve(true);
        return new Promise<void>((release) => releases.set(sessionId, release));
      })
      .catch(() => resolve(false));
  });
}

/**
 * Resolves true when this tab owns `sessionId`, false when another live tab does. Idempotent per id. A free lock
 * is taken at once: the grace period is only for a lock held when asked (a reload whose old page has not let go
 * yet), so a main thread busy for longer than the grace cannot make a tab give up its own conversation.
 */
export function claimSession(sessionId: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(true);
  let claim = held.get(sessionId);
  if (!claim) {
    claim = holdLock(locks, sessionId, { ifAvailable: true }).then(
      (free) => free || holdLock(locks, sessionId, { signal: AbortSignal.timeout(RELOAD_GRACE_MS) }),
    );
    held.set(sessionId, claim);
  }
  return claim;
}

/** Lets go of every session but `keep`: a new conversation frees the old id. */
export function releaseSessionsExcept(keep: string) {
  for (const [sessionId, release] of releases) {
    if (sessionId === keep) continue;
    release();
    releases.delete(sessionId);
    held.delete(sessionId);
  }
}

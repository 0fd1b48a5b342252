import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimSession, releaseSessionsExcept } from '../../src/features/chat/session-lock.ts';

type Grant = (lock: Lock | null) => unknown;

/**
 * A lock manager whose waiting requests are never granted before their signal aborts, as on a main thread that
 * a long task keeps busy past the grace period; `ifAvailable` requests are answered at once.
 */
function starvedLocks(heldByAnotherTab: Set<string>): LockManager {
  return {
    request: vi.fn((name: string, options: LockOptions, grant: Grant) => {
      if (options.ifAvailable) return Promise.resolve(grant(heldByAnotherTab.has(name) ? null : ({ name, mode: 'exclusive' } as Lock)));
      return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(options.signal?.reason)));
    }),
    query: vi.fn(),
  } as unknown as LockManager;
}

afterEach(() => {
  releaseSessionsExcept('');
  vi.unstubAllGlobals();
});

describe('claimSession (one live tab per session_id)', () => {
  it('takes a free session at once, however long the page is too busy to be granted a waiting lock', async () => {
    vi.stubGlobal('navigator', { locks: starvedLocks(new Set()) });
    expect(await claimSession('mine')).toBe(true);
  });

  it('gives up a session another live tab holds once the reload grace has passed', async () => {
    vi.stubGlobal('navigator', { locks: starvedLocks(new Set(['agent-console.session.copied'])) });
    expect(await claimSession('copied')).toBe(false);
  });
});

import { blockedSources, isWatchingViolations, violationListeners } from './policy-violations.ts';
import { type PolicyDirective, policyAllows, stampedPolicy } from './stamped-policy.ts';

/** How long a failed request waits for its violation event before it is taken for a network error. */
export const VIOLATION_WAIT_MS = 500;

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The origin of a `directive` request this page's policies blocked (to `url`'s origin, if given), as seen so far. */
export function seenBlocked(directive: PolicyDirective, url?: string): string | undefined {
  const origin = url === undefined ? undefined : originOf(url);
  for (const source of blockedSources) {
    const [seenDirective, seenOrigin] = source.split(' ');
    if (seenDirective === directive && (url === undefined || seenOrigin === origin)) return seenOrigin;
  }
  return undefined;
}

/**
 * The origin of `url` when the page's policy blocks requests there: told by the stamped policy itself, or by a
 * violation event (a policy header the host sends), waited for a moment after the request failed.
 */
export function blockedByPolicy(
  url: string,
  directive: PolicyDirective = 'connect-src',
  waitMs = VIOLATION_WAIT_MS,
): Promise<string | undefined> {
  const origin = originOf(url);
  if (!origin || typeof window === 'undefined') return Promise.resolve(undefined);
  const policy = stampedPolicy();
  if (policy && !policyAllows(policy, directive, url, window.location.origin)) return Promise.resolve(origin);
  const already = seenBlocked(directive, url);
  // Nothing was watching (a test, a page started without loadConfig): no event will be recorded.
  if (already || !isWatchingViolations()) return Promise.resolve(already);
  return new Promise((resolve) => {
    const done = (result: string | undefined) => {
      violationListeners.delete(listener);
      clearTimeout(timer);
      resolve(result);
    };
    const listener = () => {
      if (seenBlocked(directive, url)) done(origin);
    };
    const timer = setTimeout(() => done(undefined), waitMs);
    violationListeners.add(listener);
  });
}

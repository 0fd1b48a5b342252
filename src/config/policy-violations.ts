/**
 * A request the page's Content-Security-Policy blocks fails like any network error. The browser says which it
 * was only in a `securitypolicyviolation` event, queued after the request has already failed: this keeps the
 * origins it blocked from the start, for policy-blocked.ts (loaded with the failure explanations) to read.
 * First page: keep it small.
 */

/** `${directive} ${origin}` of each blocked request; a policy never changes in a page's life. */
export const blockedSources = new Set<string>();
export const violationListeners = new Set<() => void>();
let watching = false;

export const isWatchingViolations = () => watching;

/** Starts recording (once per page, before the first request to the pool or the agent). */
export function watchPolicyViolations(target: Document | undefined = globalThis.document): void {
  if (!target || watching) return;
  watching = true;
  target.addEventListener('securitypolicyviolation', (event) => {
    const { effectiveDirective, blockedURI } = event as SecurityPolicyViolationEvent;
    // Blocked fetches and frames name a URL; inline code names "inline" or "eval", which has no origin.
    if (!/^https?:/.test(blockedURI) || blockedSources.size > 63) return;
    blockedSources.add(`${effectiveDirective} ${new URL(blockedURI).origin}`);
    for (const listener of violationListeners) listener();
  });
}

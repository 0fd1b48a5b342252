import { useSyncExternalStore } from 'react';

/** A tiny path router: the console has three pages, not worth a routing library in the first load. */
const NAVIGATE_EVENT = 'agent-console:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** `state` travels with an in-app link only (history.state): what a shared URL must not be able to say. */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}) {
  if (options.replace) window.history.replaceState(options.state ?? window.history.state, '', to);
  else window.history.pushState(options.state ?? null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Where an in-app link goes, and what only an in-app click can carry there (see `navigate`). */
export interface InAppLink {
  href: string;
  state?: unknown;
}

/** An in-app link: a plain click navigates without reloading (tokens in memory survive); others act as usual. */
export function followLink(
  event: { preventDefault(): void; button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean },
  to: string,
  state?: unknown,
) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to, { state });
}

/**
 * `noopener` (and `noreferrer`): the popup gets no reference to the console, and it starts with no copy of the
 * console's sessionStorage, which a window opened with an opener gets and a redirect back to the console's origin
 * could read. Nothing of the user's goes with it: no token, no message, no referrer; only the address the agent sent.
 */
const POPUP_FEATURES = 'popup=yes,width=520,height=680,noopener,noreferrer';

/**
 * Opens an agent's consent page in a popup. True only when the browser hands back the window (then its link back
 * is cut at once); with `noopener` browsers return null whether the popup opened or was blocked, so on false the
 * caller offers a new-tab link as well. Whether consent was given is told by the agent's stream going on, never by
 * the window.
 */
export function openConsentPopup(href: string): boolean {
  const popup = window.open(href, '_blank', POPUP_FEATURES);
  if (!popup) return false;
  try {
    popup.opener = null;
  } catch {
    // Already cross-origin: it has no use of the reference either.
  }
  return true;
}

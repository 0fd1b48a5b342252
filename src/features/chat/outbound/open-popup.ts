const POPUP_FEATURES = 'popup=yes,width=520,height=680';

/**
 * Opens an agent's consent page in a popup; false when the browser blocked it. `noopener` in the features
 * would make window.open return null always, hiding a blocked popup, so the page opens without it and its
 * link back is cut at once, before the (cross-origin) page loads: it can neither read nor navigate the console.
 * Nothing of the user's goes with it: no token, no message; only the address the agent sent.
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

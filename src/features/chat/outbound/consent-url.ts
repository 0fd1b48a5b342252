/** Hosts where plain `http:` is acceptable: this computer, for local stacks. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A refused address is shown as text for what it was, never longer than this. */
const SHOWN_CHARS = 120;
/** Longer than any real authorization URL (they carry a state and a challenge, not a payload). */
export const MAX_URL_CHARS = 8192;

export type ConsentUrl =
  | { ok: true; href: string; host: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'scheme' | 'insecure'; shown: string; scheme?: string; host?: string };

function shown(value: string): string {
  return value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS - 1)}…` : value;
}

/**
 * The consent page an agent asks the user to open is agent output, so untrusted. It is parsed the way the
 * browser will open it (no base: a relative address is refused) and allowed only on `https:`, or on `http:`
 * for a loopback host. The host shown to the user is the parsed one (punycode for look-alike names).
 */
export function checkConsentUrl(value: unknown): ConsentUrl {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'missing', shown: '' };
  if (value.length > MAX_URL_CHARS) return { ok: false, reason: 'malformed', shown: shown(value) };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'malformed', shown: shown(value) };
  }
  if (url.protocol === 'https:') return { ok: true, href: url.href, host: url.host };
  if (url.protocol !== 'http:') return { ok: false, reason: 'scheme', shown: shown(value), scheme: url.protocol };
  if (LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, href: url.href, host: url.host };
  return { ok: false, reason: 'insecure', shown: shown(value), host: url.host };
}

/** Hosts where plain `http:` can be acceptable: this computer, for local stacks. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A refused address is shown as text for what it was, never longer than this. */
const SHOWN_CHARS = 120;
/** Longer than any real authorization URL (they carry a state and a challenge, not a payload). */
export const MAX_URL_CHARS = 8192;

export type ConsentUrl =
  | { ok: true; href: string; host: string }
  | {
      ok: false;
      reason: 'missing' | 'malformed' | 'scheme' | 'insecure' | 'own-origin';
      shown: string;
      scheme?: string;
      host?: string;
    };

/** What the check needs to know of this console. */
export interface ConsentContext {
  /** The console's own origin: a page there runs as the console, with its storage and its session. */
  consoleOrigin: string;
  /** Plain `http:` on loopback is allowed only for a local stack: a user pool or agent that is itself on loopback. */
  loopbackHttp: boolean;
}

function isLoopback(value: string, base: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(value, base).hostname);
  } catch {
    return false;
  }
}

/** The context for a configuration: `agentEndpoint` may be a path on the console's origin (the usual `/agent`). */
export function consentContextFor(config: { issuer: string; agentEndpoint: string }, consoleOrigin: string): ConsentContext {
  return {
    consoleOrigin,
    loopbackHttp: isLoopback(config.issuer, consoleOrigin) || isLoopback(config.agentEndpoint, consoleOrigin),
  };
}

let configured: ConsentContext | undefined;

/**
 * Tells the check where the configured pool and agent are; the app calls it once the configuration is known.
 * Until then the console's own origin stands for the agent (as with a relative AGENT_ENDPOINT).
 */
export function setConsentContext(config: { issuer: string; agentEndpoint: string }, consoleOrigin = window.location.origin): void {
  configured = consentContextFor(config, consoleOrigin);
}

function currentContext(): ConsentContext {
  if (configured) return configured;
  const consoleOrigin = window.location.origin;
  return { consoleOrigin, loopbackHttp: isLoopback(consoleOrigin, consoleOrigin) };
}

function shown(value: string): string {
  return value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS - 1)}…` : value;
}

/**
 * The consent page an agent asks the user to open is agent output, so untrusted. It is parsed the way the
 * browser will open it (no base: a relative address is refused) and allowed only on `https:`, or on `http:`
 * for a loopback host when the console's own pool or agent is on loopback too (a local stack), and never on
 * the console's own origin, where it would run as the console. The host shown to the user is the parsed one
 * (punycode for look-alike names).
 */
export function checkConsentUrl(value: unknown, context: ConsentContext = currentContext()): ConsentUrl {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'missing', shown: '' };
  if (value.length > MAX_URL_CHARS) return { ok: false, reason: 'malformed', shown: shown(value) };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'malformed', shown: shown(value) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'scheme', shown: shown(value), scheme: url.protocol };
  }
  if (url.origin === context.consoleOrigin) return { ok: false, reason: 'own-origin', shown: shown(value), host: url.host };
  if (url.protocol === 'https:') return { ok: true, href: url.href, host: url.host };
  if (context.loopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, href: url.href, host: url.host };
  return { ok: false, reason: 'insecure', shown: shown(value), host: url.host };
}

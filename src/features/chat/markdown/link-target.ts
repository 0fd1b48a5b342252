/** Schemes an agent's link may use; everything else (javascript:, data:, vbscript:, blob:, file:, …) is dropped. */
const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
/** `npm run dev` forwards this path to the agent whatever the configuration says. */
const DEV_AGENT_PATH = '/agent';

let agentPaths: readonly string[] = [DEV_AGENT_PATH];

/** The path a configured AGENT_ENDPOINT takes on the console's origin, if it is on that origin. */
function agentPathOf(endpoint: string, consoleOrigin: string): string[] {
  try {
    const url = new URL(endpoint, consoleOrigin);
    return url.origin === consoleOrigin ? [servedPath(url.pathname).replace(/\/+$/, '')].filter(Boolean) : [];
  } catch {
    return [];
  }
}

/**
 * Tells link checks where the console's proxy to the agent is (the configured AGENT_ENDPOINT); the app calls it
 * once the configuration is known. `/agent` is always refused.
 */
export function setLinkAgentEndpoint(endpoint: string, consoleOrigin: string = window.location.origin): void {
  agentPaths = [DEV_AGENT_PATH, ...agentPathOf(endpoint, consoleOrigin)];
}

/**
 * The path as a server or proxy routes it: percent-escapes decoded, backslashes read as slashes, repeated slashes
 * merged and dot segments resolved (nginx does all of these before matching a location), compared without case.
 */
function servedPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as written.
  }
  path = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  try {
    path = new URL(path, 'http://path.invalid').pathname;
  } catch {
    // Then the merged path is compared as it is.
  }
  return path.toLowerCase();
}

/** A link into the console's own agent proxy would open the gateway's answer (HTML, say) as the console. */
function intoAgentProxy(url: URL, base: string): boolean {
  let consoleOrigin: string;
  try {
    consoleOrigin = new URL(base).origin;
  } catch {
    return false;
  }
  if (url.origin !== consoleOrigin) return false;
  const path = servedPath(url.pathname);
  // A prefix as such, like the dev server's proxy, which also forwards /agentfoo.
  return agentPaths.some((agentPath) => path.startsWith(agentPath.toLowerCase()));
}

/**
 * Where a link in agent output really goes, parsed the way the browser will parse it. The URL parser strips
 * tabs and newlines ("java\tscript:") and reads `//host` and `/\host` as other origins, so the result is the
 * absolute URL to put in the page (what the user hovers is what opens), or undefined when it must not be a link:
 * another scheme, or a path into the console's own agent proxy.
 */
export function linkTarget(value: string, base: string = window.location.href): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return undefined;
  return intoAgentProxy(url, base) ? undefined : url;
}

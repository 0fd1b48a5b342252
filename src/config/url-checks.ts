/**
 * Control characters and backslashes make a URL mean something else than it reads: the URL parser
 * drops TAB/CR/LF anywhere ("/<TAB>/evil.com" becomes "//evil.com") and reads "\" as "/" ("/\evil.com").
 */
export function hasUnsafeCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\') return true;
  }
  return false;
}

/** Where a path-shaped value really leads: the origin the browser would send the request (and the token) to. */
export function resolvedOrigin(path: string, origin: string): string | undefined {
  try {
    return new URL(path, origin).origin;
  } catch {
    return undefined;
  }
}

/**
 * Pages that the console serves for something else: a sign-in return there would swallow the main page,
 * the debugger, or the hidden iframe of silent renewal.
 */
const RESERVED_REDIRECT_PATHS = new Set(['/', '/index.html', '/debugger', '/silent-callback.html']);

export function isReservedRedirectPath(url: URL): boolean {
  return RESERVED_REDIRECT_PATHS.has(url.pathname);
}

/** Shows a value with its invisible characters spelled out (a TAB in a setup message would vanish). */
export function visible(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

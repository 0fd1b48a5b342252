/** Schemes an agent's link may use; everything else (javascript:, data:, vbscript:, blob:, file:, …) is dropped. */
const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * Where a link in agent output really goes, parsed the way the browser will parse it. The URL parser strips
 * tabs and newlines ("java\tscript:") and reads `//host` and `/\host` as other origins, so the result is the
 * absolute URL to put in the page (what the user hovers is what opens), or undefined when it must not be a link.
 */
export function linkTarget(value: string, base: string = window.location.href): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url : undefined;
}

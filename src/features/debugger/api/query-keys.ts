/** The debugger's query keys, in one place: a discovery document and a JWKS, each by its URL. */
export const keyQueryKeys = {
  discovery: (url: string) => ['debugger', 'discovery', url] as const,
  jwks: (url: string) => ['debugger', 'jwks', url] as const,
};

/** Keys rotate rarely; a token with an unknown kid refetches at once (see use-key-set.ts). */
export const KEY_STALE_MS = 5 * 60_000;

/** The OpenID discovery document of an issuer, however many trailing slashes the issuer was written with. */
export function discoveryUrlOf(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * fetch says only "TypeError" for refused, DNS and CORS failures alike. A no-cors request succeeds whenever
 * a server answers, whatever its CORS headers: success here after a failed read means CORS blocked it.
 */
export function answersAtAll(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 5_000): Promise<boolean> {
  return fetchImpl(url, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) }).then(
    () => true,
    () => false,
  );
}

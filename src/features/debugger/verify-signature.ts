import {
  compactVerify,
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  importJWK,
  importSPKI,
  importX509,
  type JSONWebKeySet,
  type JWK,
  type JWSHeaderParameters,
} from 'jose';

export type SignatureResult =
  | { status: 'verified'; alg: string; kid?: string; source: string }
  | { status: 'invalid'; alg: string; kid?: string; source: string }
  | { status: 'no-key'; kid?: string; source: string }
  | { status: 'fetch-failed'; url: string }
  | { status: 'no-jwks-uri'; url: string }
  | { status: 'bad-url'; url: string }
  | { status: 'awaiting-approval'; host: string }
  | { status: 'unlisted'; host: string }
  | { status: 'alg-none' }
  | { status: 'unsupported'; alg: string }
  | { status: 'bad-key'; detail: string };

export const SUPPORTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

type KeyResolver = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey | Uint8Array>;

/** A pasted key: a JWKS, a single JWK, a PEM public key (SPKI) or a PEM certificate. */
async function keysFromText(text: string, alg: string): Promise<KeyResolver> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as JSONWebKeySet | JWK;
    if (Object.hasOwn(parsed, 'keys') && Array.isArray((parsed as JSONWebKeySet).keys))
      return createLocalJWKSet(parsed as JSONWebKeySet) as KeyResolver;
    const key = await importJWK(parsed as JWK, alg);
    return async () => key;
  }
  if (trimmed.includes('BEGIN CERTIFICATE')) {
    const key = await importX509(trimmed, alg);
    return async () => key;
  }
  if (trimmed.includes('BEGIN PUBLIC KEY')) {
    const key = await importSPKI(trimmed, alg);
    return async () => key;
  }
  throw new Error('paste a JWK, a JWKS, a PEM public key or a PEM certificate');
}

/** Keys already fetched (a JWKS from the query cache, named by its URL) or pasted by the user. */
export type KeySource = { kind: 'jwks'; jwks: JSONWebKeySet; url: string } | { kind: 'pasted'; text: string };

/** `source` of a result checked against a pasted key (else the JWKS URL); also `alg` of a header without one. */
export const PASTED_KEY = 'pasted key';
export const MISSING_ALG = '(missing)';

/** Checks the signature only (no claims), in the browser on WebCrypto. Never throws. */
export async function verifySignature(token: string, header: Record<string, unknown>, source: KeySource): Promise<SignatureResult> {
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (alg.toLowerCase() === 'none') return { status: 'alg-none' };
  if (!SUPPORTED_ALGORITHMS.includes(alg)) return { status: 'unsupported', alg: alg || MISSING_ALG };
  const sourceName = source.kind === 'jwks' ? source.url : PASTED_KEY;
  let keys: KeyResolver;
  try {
    keys = source.kind === 'jwks' ? (createLocalJWKSet(source.jwks) as KeyResolver) : await keysFromText(source.text, alg);
  } catch (error) {
    return { status: 'bad-key', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    await compactVerify(token, keys, { algorithms: SUPPORTED_ALGORITHMS });
    return { status: 'verified', alg, kid, source: sourceName };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { status: 'no-key', kid, source: sourceName };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { status: 'invalid', alg, kid, source: sourceName };
    if (error instanceof errors.JWKSMultipleMatchingKeys) return { status: 'invalid', alg, kid, source: sourceName };
    if (error instanceof errors.JOSEError && source.kind === 'pasted') return { status: 'bad-key', detail: error.message };
    return { status: 'invalid', alg, kid, source: sourceName };
  }
}

import { importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';

/** Mints access tokens with the pool's own key, to build the valid-but-wrong tokens the agent must refuse. */
export async function signAsPool(key: JWK, payload: JWTPayload, header: Record<string, unknown> = {}) {
  const privateKey = await importJWK(key, 'RS256');
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid, ...header }).sign(privateKey);
}

export function accessTokenClaims(issuer: string, clientId: string, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    sub: '5f0c2a8e-1d4b-4c7a-9e11-a11ce0000001',
    aud: [clientId],
    client_id: clientId,
    scope: 'openid profile email',
    iat: now,
    nbf: now,
    exp: now + 600,
    jti: `forged-${now}-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

export function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

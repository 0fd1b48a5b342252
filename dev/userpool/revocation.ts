import { decodeJwt, importJWK, type JWK, jwtVerify } from 'jose';
import type Provider from 'oidc-provider';
import { readForm } from './http-helpers.ts';

/**
 * Revocation of the pool's own JWT access tokens (RFC 7009), which oidc-provider refuses ("Structured JWT Tokens
 * cannot be revoked"): their jti is remembered, and userinfo refuses them from then on. Any other token (a refresh
 * token) goes on to oidc-provider with the body already read. Like a real pool, the runtime is not told: custom_jwt
 * checks tokens offline, so a revoked access token still passes it until it expires.
 */
export interface RevocationOptions {
  issuer: string;
  signingKey: JWK;
  allowedOrigins: Set<string>;
  revoked: Set<string>;
}

type RevocationContext = Parameters<Parameters<Provider['use']>[0]>[0];

/** Whether the token is a JWT this pool signed; its claims if so. */
async function ownAccessToken(token: string, options: RevocationOptions) {
  try {
    decodeJwt(token);
  } catch {
    return undefined;
  }
  try {
    const { kty, n, e } = options.signingKey;
    const { payload } = await jwtVerify(token, await importJWK({ kty, n, e }, 'RS256'), { issuer: options.issuer });
    return payload;
  } catch {
    return undefined;
  }
}

export async function handleRevocation(ctx: RevocationContext, next: () => Promise<unknown>, options: RevocationOptions) {
  const form = await readForm(ctx.req);
  const origin = ctx.get('origin');
  const token = form.get('token') ?? '';
  const claims = token ? await ownAccessToken(token, options) : undefined;
  if (!claims) {
    // Not one of this pool's JWTs: oidc-provider answers (a refresh token, garbage, a foreign token).
    (ctx.request as { body?: unknown }).body = form.toString();
    return next();
  }
  if (origin && !options.allowedOrigins.has(origin)) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request', error_description: `origin ${origin} not allowed for this client` };
    return;
  }
  if (origin) {
    ctx.set('access-control-allow-origin', origin);
    ctx.set('vary', 'Origin');
  }
  if (claims.client_id !== form.get('client_id')) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request', error_description: 'this token was not issued to the client that asks to revoke it' };
    return;
  }
  if (typeof claims.jti === 'string') options.revoked.add(claims.jti);
  ctx.status = 200;
  ctx.body = '';
}

import { importJWK, type JWK, jwtVerify } from 'jose';
import { findUser, userClaims } from './accounts.ts';

interface UserinfoOptions {
  issuer: string;
  signingKey: JWK;
  allowedOrigins: Set<string>;
  /** jti of revoked access tokens. */
  revoked?: Set<string>;
}

interface UserinfoContext {
  method: string;
  status: number;
  body: unknown;
  get(header: string): string;
  set(header: string, value: string): void;
}

/**
 * Userinfo that accepts the pool's own JWT access tokens, as the real pool does.
 * oidc-provider's built-in endpoint only takes opaque tokens without an audience.
 */
export async function handleUserinfo(ctx: UserinfoContext, options: UserinfoOptions): Promise<void> {
  const origin = ctx.get('origin');
  if (origin && options.allowedOrigins.has(origin)) {
    ctx.set('access-control-allow-origin', origin);
    ctx.set('access-control-expose-headers', 'WWW-Authenticate');
    ctx.set('vary', 'Origin');
  }
  if (ctx.method === 'OPTIONS') {
    ctx.set('access-control-allow-methods', 'GET, POST');
    ctx.set('access-control-allow-headers', 'authorization');
    ctx.status = 204;
    return;
  }
  const token = /^Bearer (.+)$/i.exec(ctx.get('authorization'))?.[1];
  const refuse = (description: string) => {
    ctx.status = 401;
    ctx.set('www-authenticate', `Bearer error="invalid_token", error_description="${description}"`);
    ctx.body = { error: 'invalid_token', error_description: description };
  };
  if (!token) return refuse('no access token provided');
  try {
    const { kty, n, e } = options.signingKey;
    const key = await importJWK({ kty, n, e }, 'RS256');
    const { payload } = await jwtVerify(token, key, { issuer: options.issuer });
    if (typeof payload.jti === 'string' && options.revoked?.has(payload.jti)) return refuse('access token revoked');
    const user = findUser(String(payload.sub));
    if (!user) return refuse('unknown subject');
    const scopes = new Set(String(payload.scope ?? '').split(' '));
    const claims = userClaims(user);
    ctx.body = {
      sub: claims.sub,
      ...(scopes.has('profile') ? { name: claims.name, preferred_username: claims.preferred_username } : {}),
      ...(scopes.has('email') ? { email: claims.email, email_verified: claims.email_verified } : {}),
    };
  } catch {
    refuse('access token invalid or expired');
  }
}

import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

/** What agentkit.yaml's custom_jwt settings say: runtime_jwt_discovery_url and runtime_jwt_allowed_clients. */
export interface CustomJwtSettings {
  discoveryUrl: string;
  /** Empty: any client of the pool is allowed. */
  allowedClients: string[];
}

export interface VerifiedCaller {
  claims: JWTPayload & { client_id?: string; scope?: string };
  token: string;
}

export interface Discovery {
  issuer: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

export class InvalidTokenError extends Error {}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired (exp)';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'token not yet valid (nbf)';
    if (error.claim === 'iss') return 'issuer mismatch (iss)';
    if (error.claim === 'exp') return 'token has no expiry (exp)';
    return `claim check failed (${error.claim})`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'signing algorithm not allowed (alg)';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the pool matches the token (kid)';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'the pool keys could not be fetched';
  if (error instanceof errors.JOSENotSupported) return 'token algorithm not supported (alg)';
  if (error instanceof InvalidTokenError) return error.message;
  return 'malformed token';
}

/**
 * Verifies bearer tokens like the AgentKit gateway with runtime_auth_type custom_jwt:
 * signature against the pool's JWKS, iss equal to the discovery issuer, client_id allowed, exp and nbf.
 */
export function createCustomJwtVerifier(settings: CustomJwtSettings) {
  let discovery: Promise<Discovery> | undefined;
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  async function loadDiscovery(): Promise<Discovery> {
    discovery ??= fetch(settings.discoveryUrl)
      .then(async (response) => {
        if (!response.ok) throw new Error(`discovery answered ${response.status}`);
        return (await response.json()) as Discovery;
      })
      .catch((error: unknown) => {
        discovery = undefined; // try again on the next call instead of caching the failure
        throw error;
      });
    return discovery;
  }

  async function verify(authorization: string | undefined): Promise<VerifiedCaller> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new InvalidTokenError('missing bearer token');
    let config: Discovery;
    try {
      config = await loadDiscovery();
    } catch {
      throw new InvalidTokenError('the pool discovery document could not be fetched');
    }
    // jose caches the key set and fetches it again when a kid is unknown (after a short cool-down).
    keys ??= createRemoteJWKSet(new URL(config.jwks_uri));
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        algorithms: ASYMMETRIC_ALGORITHMS,
        requiredClaims: ['exp'],
      });
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
      if (settings.allowedClients.length > 0 && (!clientId || !settings.allowedClients.includes(clientId))) {
        throw new InvalidTokenError(`client not allowed (client_id ${clientId ?? 'missing'})`);
      }
      return { claims: payload, token };
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
  }

  return { verify, discovery: loadDiscovery };
}

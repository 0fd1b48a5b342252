import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

/** What agentkit.yaml's custom_jwt settings say: runtime_jwt_discovery_url and runtime_jwt_allowed_clients. */
export interface CustomJwtSettings {
  discoveryUrl: string;
  /** Empty: any client of the pool is allowed. */
  allowedClients: string[];
  /** Seconds of clock difference forgiven on exp, nbf and iat (default CLOCK_LEEWAY_SECONDS). */
  clockLeewaySeconds?: number;
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
/** Clocks of the pool and the agent drift apart; a token is not refused for a few seconds of difference. */
export const CLOCK_LEEWAY_SECONDS = 30;

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
 * An ID token is signed by the same pool with the same iss, so signature and issuer checks pass it; it only
 * says who signed in to some client, not that the caller may use an API. RFC 9068 access tokens carry
 * typ at+jwt, and the pool's access tokens carry client_id (ID tokens of the pool have neither).
 */
function assertAccessToken(header: { typ?: string }, payload: JWTPayload) {
  const typ = (header.typ ?? '').toLowerCase().replace(/^application\//, '');
  if (typ === 'at+jwt' || typeof payload.client_id === 'string') return;
  throw new InvalidTokenError('an ID token is not an access token (needs typ at+jwt or a client_id claim)');
}

/**
 * Verifies bearer tokens like the AgentKit gateway with runtime_auth_type custom_jwt:
 * signature against the pool's JWKS, iss equal to the discovery issuer, client_id allowed, exp and nbf.
 * Stricter than the gateway is known to be: ID tokens are refused even with an empty allow-list.
 */
export function createCustomJwtVerifier(settings: CustomJwtSettings) {
  const leeway = settings.clockLeewaySeconds ?? CLOCK_LEEWAY_SECONDS;
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
      const { payload, protectedHeader } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        algorithms: ASYMMETRIC_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: leeway,
      });
      // jose checks iat only with maxTokenAge; a token from the future means the clocks disagree too much.
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + leeway) {
        throw new InvalidTokenError('token issued in the future (iat)');
      }
      assertAccessToken(protectedHeader, payload);
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

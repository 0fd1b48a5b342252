import { useMemo, useState } from 'react';
import { type DecodedToken, decodeToken, normaliseToken } from '../../lib/jwt.ts';
import { type GatewaySettings, gatewayChecks } from './gateway-verdict.ts';
import { type Check, type RuntimeSettings, runtimeChecks } from './runtime-verdict.ts';
import type { FetchPermission } from './trust.ts';
import { useSignature } from './use-signature.ts';

/** Past this, the input is no token (decodeToken says so); it is not handed to the verifier either. */
const MAX_INPUT_CHARS = 70_000;

export interface TokenVerdict {
  token: string;
  decoded: DecodedToken;
  jwt?: Extract<DecodedToken, { kind: 'jwt' }>;
  /** The checks custom_jwt makes, against the runtime settings' discovery URL. */
  checks?: Check[];
  /** The checks of AgentKit Gateway's CustomJWT, with the same discovery URL and its own allowed clients. */
  gatewayChecks?: Check[];
}

/** One token as the runtime and the gateway would judge it: decoded, its signature checked against the settings' keys, each check. */
export function useTokenVerdict(
  input: string,
  settings: RuntimeSettings,
  gateway: GatewaySettings,
  permission: FetchPermission,
  nowMs: number,
): TokenVerdict {
  const token = normaliseToken(input.length > MAX_INPUT_CHARS ? '' : input);
  const decoded = useMemo(() => decodeToken(input), [input]);
  const jwt = decoded.kind === 'jwt' ? decoded : undefined;
  const runtime = useSignature({ token, header: jwt?.header, discoveryUrl: settings.discoveryUrl, permission });
  if (!jwt) return { token, decoded };
  const seen = { payload: jwt.payload, signature: runtime.result, discoveryIssuer: runtime.discoveryIssuer, nowMs };
  return {
    token,
    decoded,
    jwt,
    checks: runtimeChecks({ ...seen, settings }),
    gatewayChecks: gatewayChecks({ ...seen, settings: gateway }),
  };
}

/**
 * The access token this page held before the current one (a renewal replaced it), for comparing the two. Kept in
 * memory for the page's life, and forgotten when the session ends.
 */
export function usePreviousToken(current: string | undefined): string | undefined {
  const [seen, setSeen] = useState<{ current?: string; previous?: string }>({ current });
  if (seen.current !== current) {
    const previous = current === undefined ? undefined : (seen.current ?? seen.previous);
    setSeen({ current, previous });
    return previous;
  }
  return seen.previous;
}

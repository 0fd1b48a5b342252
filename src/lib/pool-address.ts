/**
 * The addresses one Volcano Engine Agent Identity user pool is known by, parsed (never pattern-matched on the raw
 * string: `https://userpool-x.userpool.auth.id.cn-beijing.volces.com.evil.com` is not a pool).
 *
 * - pool host: `https://userpool-<id>.userpool.auth.id.<region>.volces.com` (confirmed: the pool's own issuer);
 * - identity path: `https://auth.id.<region>.volces.com/userpool/<id>`, the form the workshop utilities build from
 *   the identity endpoint (agentkit-samples `01-tutorials/03-AgentKit-Identity/utils.py`:
 *   `f"https://auth.{endpoint}/userpool/{pool_id}/.well-known/openid-configuration"`, with `endpoint` from
 *   veadk-python `VeIdentityConfig.get_endpoint()` = `id.<region>.volces.com`). The same path on any other origin
 *   is read as this form too (the local pool serves it), without a region.
 */
export type PoolAddress =
  | { form: 'pool-host'; poolId: string; region: string }
  | { form: 'identity-path'; poolId: string; region?: string }
  | { form: 'other' };

export const DISCOVERY_SUFFIX = '/.well-known/openid-configuration';
const VOLCES = ['volces', 'com'];
const ID_LABEL = /^[A-Za-z0-9-]{1,64}$/;

function parsed(url: string): URL | undefined {
  try {
    const value = new URL(url);
    return value.protocol === 'https:' || value.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `<region>` of a host `…<prefix>.<region>.volces.com`, when the labels before it are exactly `prefix`. */
function regionAfter(labels: string[], prefix: string[]): string | undefined {
  if (labels.length !== prefix.length + 1 + VOLCES.length) return undefined;
  if (prefix.some((label, index) => labels[index] !== label)) return undefined;
  if (labels.slice(-2).join('.') !== VOLCES.join('.')) return undefined;
  const region = labels[prefix.length];
  return ID_LABEL.test(region) ? region : undefined;
}

/** The issuer a discovery URL stands for (without the suffix), or the issuer itself; undefined for a non-http(s) URL. */
export function issuerPart(url: string): URL | undefined {
  const value = parsed(url);
  if (!value) return undefined;
  const path = value.pathname.replace(/\/+$/, '');
  const issuerPath = path.endsWith(DISCOVERY_SUFFIX) ? path.slice(0, -DISCOVERY_SUFFIX.length) : path;
  return new URL(`${value.origin}${issuerPath}`);
}

/** Which form of a pool's address an issuer or a discovery URL is. */
export function poolAddressOf(url: string): PoolAddress {
  const issuer = issuerPart(url);
  if (!issuer) return { form: 'other' };
  const labels = issuer.hostname.toLowerCase().split('.');
  const segments = issuer.pathname.split('/').filter(Boolean);
  const first = labels[0] ?? '';
  if (segments.length === 0 && first.startsWith('userpool-')) {
    const region = regionAfter([first, ...labels.slice(1)], [first, 'userpool', 'auth', 'id']);
    const poolId = first.slice('userpool-'.length);
    if (region && ID_LABEL.test(poolId) && issuer.protocol === 'https:') return { form: 'pool-host', poolId, region };
  }
  if (segments.length === 2 && segments[0] === 'userpool' && ID_LABEL.test(segments[1])) {
    const region = issuer.protocol === 'https:' ? regionAfter(labels, ['auth', 'id']) : undefined;
    return { form: 'identity-path', poolId: segments[1], ...(region ? { region } : {}) };
  }
  return { form: 'other' };
}

/** Both discovery URLs of a Volcano Engine pool. */
export function discoveryUrlsOf(poolId: string, region: string): { poolHost: string; identityPath: string } {
  return {
    poolHost: `https://userpool-${poolId}.userpool.auth.id.${region}.volces.com${DISCOVERY_SUFFIX}`,
    identityPath: `https://auth.id.${region}.volces.com/userpool/${poolId}${DISCOVERY_SUFFIX}`,
  };
}

/** The region of a pool address, when it names one. */
export function regionOf(url: string): string | undefined {
  const address = poolAddressOf(url);
  return address.form === 'other' ? undefined : address.region;
}

/** Placeholder of a region no address names. */
export const REGION_PLACEHOLDER = '<region>';

/**
 * Where a consent provider (Feishu, GitHub, …) sends the user back in outbound auth: the identity service's own
 * callback, never the console or the runtime (agentkit-samples `feishu_outbound/README_en.md`, "Detailed
 * Explanation of Callback URL Configuration").
 */
export function outboundCallbackOf(region: string | undefined): string {
  return `https://auth.id.${region || REGION_PLACEHOLDER}.volces.com/api/v1/oauth2callback`;
}

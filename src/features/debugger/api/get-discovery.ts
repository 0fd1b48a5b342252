import { useQuery } from '@tanstack/react-query';
import { webOrigin } from '../trust.ts';
import { fetchPublicJson } from './fetch-json.ts';
import { KEY_STALE_MS, keyQueryKeys } from './query-keys.ts';

export interface Discovery {
  issuer: string | undefined;
  jwksUri: string | undefined;
  /** Listed endpoints the debugger can call for the user ("Ask the pool"), when they are http(s) addresses. */
  userinfoEndpoint?: string;
  revocationEndpoint?: string;
}

export async function getDiscovery(url: string, signal?: AbortSignal): Promise<Discovery> {
  const document = await fetchPublicJson(url, signal);
  const fields = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  const issuer = Object.hasOwn(fields, 'issuer') && typeof fields.issuer === 'string' ? fields.issuer : undefined;
  const address = (name: string) => {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    return typeof value === 'string' && webOrigin(value) ? value : undefined;
  };
  const userinfoEndpoint = address('userinfo_endpoint');
  const revocationEndpoint = address('revocation_endpoint');
  return {
    issuer,
    jwksUri: address('jwks_uri'),
    ...(userinfoEndpoint ? { userinfoEndpoint } : {}),
    ...(revocationEndpoint ? { revocationEndpoint } : {}),
  };
}

/** `enabled` is false until the URL may be fetched (the pool's own origin, or a host the user approved). */
export function useDiscovery(url: string, enabled: boolean) {
  return useQuery({
    queryKey: keyQueryKeys.discovery(url),
    queryFn: ({ signal }) => getDiscovery(url, signal),
    enabled,
    staleTime: KEY_STALE_MS,
    retry: false,
  });
}

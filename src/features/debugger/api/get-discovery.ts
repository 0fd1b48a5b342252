import { useQuery } from '@tanstack/react-query';
import { webOrigin } from '../trust.ts';
import { fetchPublicJson } from './fetch-json.ts';
import { KEY_STALE_MS, keyQueryKeys } from './query-keys.ts';

export interface Discovery {
  issuer: string | undefined;
  jwksUri: string | undefined;
}

export async function getDiscovery(url: string, signal?: AbortSignal): Promise<Discovery> {
  const document = await fetchPublicJson(url, signal);
  const fields = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  const issuer = Object.hasOwn(fields, 'issuer') && typeof fields.issuer === 'string' ? fields.issuer : undefined;
  const jwks = Object.hasOwn(fields, 'jwks_uri') && typeof fields.jwks_uri === 'string' ? fields.jwks_uri : undefined;
  return { issuer, jwksUri: jwks && webOrigin(jwks) ? jwks : undefined };
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

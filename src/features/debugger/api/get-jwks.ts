import { useQuery } from '@tanstack/react-query';
import type { JSONWebKeySet } from 'jose';
import { FetchFailed, fetchPublicJson } from './fetch-json.ts';
import { KEY_STALE_MS, keyQueryKeys } from './query-keys.ts';

export async function getJwks(url: string, signal?: AbortSignal): Promise<JSONWebKeySet> {
  const document = await fetchPublicJson(url, signal);
  const keys =
    typeof document === 'object' && document !== null && Object.hasOwn(document, 'keys') ? (document as { keys: unknown }).keys : undefined;
  if (!Array.isArray(keys)) throw new FetchFailed(url, new Error('not a JWKS: no "keys" array'));
  return { keys: keys.filter((key) => typeof key === 'object' && key !== null) };
}

export function useJwks(url: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: keyQueryKeys.jwks(url ?? ''),
    queryFn: ({ signal }) => getJwks(url ?? '', signal),
    enabled: enabled && url !== undefined,
    staleTime: KEY_STALE_MS,
    retry: false,
  });
}

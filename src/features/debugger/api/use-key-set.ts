import type { JSONWebKeySet } from 'jose';
import { useEffect, useRef } from 'react';
import { useDiscovery } from './get-discovery.ts';
import { useJwks } from './get-jwks.ts';

export type KeySet =
  | { status: 'waiting' }
  | { status: 'fetch-failed'; url: string }
  | { status: 'no-jwks-uri'; url: string }
  | { status: 'ready'; jwks: JSONWebKeySet; url: string; fetchedAt: number };

/**
 * The keys behind a discovery URL, from the shared query cache. A token naming a kid the cached JWKS lacks
 * refetches the JWKS once (the pool rotated its keys); once per kid, so a forged kid cannot make it hammer the pool.
 */
export function useKeySet(discoveryUrl: string, kid: string | undefined, enabled: boolean): { keys: KeySet; issuer?: string } {
  const discovery = useDiscovery(discoveryUrl, enabled);
  const jwksUri = discovery.data?.jwksUri;
  const jwks = useJwks(jwksUri, enabled);
  const asked = useRef(new Set<string>());
  const mark = `${jwksUri} ${kid}`;
  const unknownKid = kid !== undefined && jwks.data !== undefined && !jwks.data.keys.some((key) => key.kid === kid);
  const refetching = unknownKid && !asked.current.has(mark);
  const { refetch } = jwks;

  useEffect(() => {
    if (!refetching) return;
    asked.current.add(mark);
    // Not cancelling a refetch already running: another panel may have asked for the same rotation.
    void refetch({ cancelRefetch: false });
  }, [refetching, mark, refetch]);

  const issuer = discovery.data?.issuer;
  if (!enabled) return { keys: { status: 'waiting' } };
  if (discovery.isError) return { keys: { status: 'fetch-failed', url: discoveryUrl } };
  if (discovery.data && !jwksUri) return { keys: { status: 'no-jwks-uri', url: discoveryUrl }, issuer };
  if (jwks.isError && jwksUri) return { keys: { status: 'fetch-failed', url: jwksUri }, issuer };
  if (!jwks.data || !jwksUri || refetching || (unknownKid && jwks.isFetching)) return { keys: { status: 'waiting' }, issuer };
  return { keys: { status: 'ready', jwks: jwks.data, url: jwksUri, fetchedAt: jwks.dataUpdatedAt }, issuer };
}

import { useAsync } from '../../lib/use-async.ts';
import { type KeySet, useKeySet } from './api/use-key-set.ts';
import type { FetchPermission } from './trust.ts';
import { type SignatureResult, verifySignature } from './verify-signature.ts';

export interface SignatureInput {
  token: string;
  header: Record<string, unknown> | undefined;
  discoveryUrl: string;
  permission: FetchPermission;
  /** A key the user pasted replaces the discovery keys. */
  pastedKey?: string;
}

function waitingResult(keys: KeySet, input: SignatureInput): SignatureResult | undefined {
  if (input.permission.kind === 'invalid') return { status: 'bad-url', url: input.discoveryUrl };
  if (input.permission.kind === 'ask') return { status: 'awaiting-approval', host: input.permission.host };
  if (input.permission.kind === 'unlisted') return { status: 'unlisted', host: input.permission.host };
  if (keys.status === 'fetch-failed' || keys.status === 'no-jwks-uri') return { status: keys.status, url: keys.url };
  return undefined;
}

/** The signature check of one token against one key source; undefined while keys load or verification runs. */
export function useSignature(input: SignatureInput): { result: SignatureResult | undefined; discoveryIssuer: string | undefined } {
  const { header, token, pastedKey } = input;
  // Fetched before any token is pasted (the pool's keys, or a host the user approved), so a paste verifies at once.
  const mayFetch = !pastedKey && (input.permission.kind === 'pool' || input.permission.kind === 'approved');
  const kid = typeof header?.kid === 'string' ? header.kid : undefined;
  const { keys, issuer } = useKeySet(input.discoveryUrl, kid, mayFetch);
  const source = pastedKey
    ? ({ kind: 'pasted', text: pastedKey } as const)
    : keys.status === 'ready'
      ? ({ kind: 'jwks', jwks: keys.jwks, url: keys.url } as const)
      : undefined;
  const sourceKey = pastedKey ? `key:${pastedKey}` : keys.status === 'ready' ? `${keys.url}@${keys.fetchedAt}` : 'none';
  const verified = useAsync(header && source ? () => verifySignature(token, header, source) : undefined, `${token}|${sourceKey}`);
  return { result: pastedKey ? verified : (waitingResult(keys, input) ?? verified), discoveryIssuer: issuer };
}

import { discoveryUrlOf } from '../../lib/http-probe.ts';
import { discoveryUrlsOf, outboundCallbackOf, poolAddressOf } from '../../lib/pool-address.ts';

export type ChecklistItem =
  | 'callback'
  | 'silentCallback'
  | 'logout'
  | 'origin'
  | 'outboundCallback'
  | 'discoveryPoolHost'
  | 'discoveryIdentityPath'
  | 'discovery';

/**
 * What to register for this console and its agent, from the configured issuer and the page's own address: the
 * client's callback, silent-callback, logout and origin settings; the identity service's outbound callback of the
 * region (for credential providers and consent providers); the discovery URL in each documented form.
 */
export function checklistValues(input: { issuer: string; redirectUri: string; siteUrl: string; region?: string }): {
  item: ChecklistItem;
  value: string;
}[] {
  const site = new URL(input.siteUrl);
  const pool = poolAddressOf(input.issuer);
  const region = input.region || (pool.form === 'other' ? undefined : pool.region);
  const discovery: { item: ChecklistItem; value: string }[] =
    pool.form !== 'other' && region
      ? [
          { item: 'discoveryPoolHost', value: discoveryUrlsOf(pool.poolId, region).poolHost },
          { item: 'discoveryIdentityPath', value: discoveryUrlsOf(pool.poolId, region).identityPath },
        ]
      : [{ item: 'discovery', value: discoveryUrlOf(input.issuer) }];
  return [
    { item: 'callback', value: input.redirectUri },
    { item: 'silentCallback', value: new URL('silent-callback.html', site).href },
    { item: 'logout', value: site.href },
    { item: 'origin', value: site.origin },
    { item: 'outboundCallback', value: outboundCallbackOf(region) },
    ...discovery,
  ];
}

import { td } from '../../i18n/debugger.ts';
import { DISCOVERY_SUFFIX, issuerPart, poolAddressOf } from '../../lib/pool-address.ts';

/** Which documented form of a pool's address a discovery URL is, in words: the verdicts name the one they used. */
export function discoveryFormNote(url: string): string {
  const address = poolAddressOf(url);
  const issuer = issuerPart(url);
  if (address.form === 'pool-host') return td('formPoolHost', { pool: address.poolId, region: address.region });
  if (address.form === 'identity-path') return td('formIdentityPath', { pool: address.poolId, origin: issuer?.origin ?? url });
  if (!issuer || !new URL(url).pathname.replace(/\/+$/, '').endsWith(DISCOVERY_SUFFIX)) return td('formNotDiscovery');
  return td('formIssuer', { issuer: issuer.href.replace(/\/$/, '') });
}

/**
 * The token names one form of a pool's address and the discovery URL another form of the same pool: custom_jwt
 * compares `iss` with the issuer that discovery document names, so a mix of forms is a likely refusal.
 */
export function formMismatch(iss: unknown, discoveryUrl: string): string | undefined {
  if (typeof iss !== 'string') return undefined;
  const token = poolAddressOf(iss);
  const settings = poolAddressOf(discoveryUrl);
  if (token.form === 'other' || settings.form === 'other' || token.poolId !== settings.poolId || token.form === settings.form)
    return undefined;
  return td('formMismatch', { pool: token.poolId, tokenForm: td(`form_${token.form}`), settingsForm: td(`form_${settings.form}`) });
}

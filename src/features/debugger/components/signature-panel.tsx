import { td } from '../../../i18n/debugger.ts';
import type { FetchPermission } from '../trust.ts';
import { MISSING_ALG, PASTED_KEY, type SignatureResult } from '../verify-signature.ts';
import { FetchGate } from './fetch-gate.tsx';

function describe(result: SignatureResult): { title: string; detail?: string; ok: boolean } {
  switch (result.status) {
    case 'verified':
      return { title: td('verified'), detail: td('verifiedDetail', { alg: result.alg, kid: result.kid ?? td('noKid') }), ok: true };
    case 'invalid':
      return { title: td('invalid'), detail: td('invalidDetail'), ok: false };
    case 'no-key':
      return {
        title: td('noKey'),
        detail:
          result.source === PASTED_KEY
            ? td('noKeyPastedDetail', { kid: result.kid ?? td('noKid') })
            : td('noKeyDetail', { source: result.source, kid: result.kid ?? td('noKid') }),
        ok: false,
      };
    case 'fetch-failed':
      return { title: td('fetchFailed'), detail: td('fetchFailedDetail', { url: result.url }), ok: false };
    case 'no-jwks-uri':
      return { title: td('noJwksUri'), detail: td('noJwksUriDetail', { url: result.url }), ok: false };
    case 'bad-url':
      return { title: td('badUrl', { url: result.url }), ok: false };
    case 'awaiting-approval':
      return { title: td('awaitingApproval'), detail: td('awaitingApprovalDetail', { host: result.host }), ok: false };
    case 'unlisted':
      return { title: td('unlisted'), detail: td('unlistedDetail', { host: result.host }), ok: false };
    case 'alg-none':
      return { title: td('algNone'), ok: false };
    case 'unsupported':
      return { title: result.alg === MISSING_ALG ? td('algMissing') : td('unsupported', { alg: result.alg }), ok: false };
    case 'bad-key':
      return { title: td('badKey', { detail: result.detail }), ok: false };
  }
}

export function SignaturePanel(props: {
  result: SignatureResult | undefined;
  source: string;
  keyText: string;
  onKeyText: (text: string) => void;
  permission: FetchPermission;
  onApprove: (origin: string) => void;
  /** Set when the token names an issuer that is not the configured pool: {host, pool}. */
  elsewhere?: { host: string; pool: string };
}) {
  const shown = props.result && describe(props.result);
  return (
    <section className="panel" aria-labelledby="signature-title">
      <h2 id="signature-title">{td('signature')}</h2>
      <p className="meta">{td('keySource', { source: props.source })}</p>
      {props.elsewhere && <p className="notice warn">{td('tokenIssuerElsewhere', props.elsewhere)}</p>}
      <output className={`notice ${shown ? (shown.ok ? 'ok' : 'error') : ''}`} data-testid="signature-result">
        {shown ? (
          <>
            <strong>{shown.title}</strong> {shown.detail}
          </>
        ) : (
          td('checking')
        )}
      </output>
      <FetchGate permission={props.permission} onApprove={props.onApprove} />
      <label className="field">
        {td('keyLabel')}
        <textarea
          rows={3}
          value={props.keyText}
          placeholder={td('keyPlaceholder')}
          onChange={(event) => props.onKeyText(event.target.value)}
        />
      </label>
    </section>
  );
}

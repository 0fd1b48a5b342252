import { td } from '../../../i18n/debugger.ts';
import { splitClients } from '../debugger-url.ts';
import type { Check, RuntimeSettings, Verdict } from '../runtime-verdict.ts';
import type { SettingsWarnings } from '../settings-warnings.ts';
import type { FetchPermission } from '../trust.ts';
import { ChecksTable } from './checks-table.tsx';
import { FetchGate } from './fetch-gate.tsx';

interface VerdictPanelProps {
  settings: RuntimeSettings;
  onSettings: (settings: RuntimeSettings) => void;
  checks: Check[] | undefined;
  verdict: Verdict | undefined;
  warnings: SettingsWarnings;
  permission: FetchPermission;
  onApprove: (origin: string) => void;
  clockNote?: string;
  /** Which form of the pool's address the discovery URL is: the verdict says which it used. */
  formNote?: string;
  /** The token's iss and the discovery URL are two forms of one pool's address. */
  mismatch?: string;
}

function VerdictLine({ verdict, offPoolHost }: { verdict: Verdict; offPoolHost?: string }) {
  const tone = verdict.kind === 'accepted' ? (offPoolHost ? 'warn' : 'ok') : verdict.kind === 'rejected' ? 'error' : '';
  return (
    <p className={`verdict notice ${tone}`}>
      <strong>{verdict.kind === 'accepted' ? td('accepted') : verdict.kind === 'rejected' ? td('rejected') : td('pending')}</strong>
      {verdict.kind === 'rejected' && <> ({td('rejectedBy', { claims: verdict.failing.join(', ') })})</>}
      {/* "Accepted" never stands alone against keys the configuration does not name. */}
      {verdict.kind === 'accepted' && offPoolHost && <> ({td('untrustedVerdict', { host: offPoolHost })})</>}
    </p>
  );
}

export function VerdictPanel(props: VerdictPanelProps) {
  const { settings, onSettings, checks, verdict, warnings, clockNote } = props;
  // Applied on Enter or leaving the field: each keystroke of a URL is not a URL to fetch.
  const applyDiscovery = (value: string) => {
    const discoveryUrl = value.trim();
    if (discoveryUrl && discoveryUrl !== settings.discoveryUrl) onSettings({ ...settings, discoveryUrl });
  };
  return (
    <section className="panel" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{td('runtime')}</h2>
      <p className="meta">{td('runtimeIntro')}</p>
      <label className="field">
        {td('discoveryLabel')}
        <input
          type="url"
          defaultValue={settings.discoveryUrl}
          aria-describedby="discovery-hint"
          onBlur={(event) => applyDiscovery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') applyDiscovery(event.currentTarget.value);
          }}
        />
      </label>
      <p className="meta" id="discovery-hint">
        {td('discoveryHint')}
      </p>
      {props.formNote && (
        <p className="meta" data-testid="discovery-form">
          {td('formRuntime', { form: props.formNote })}
        </p>
      )}
      {props.mismatch && <p className="notice warn">{props.mismatch}</p>}
      <label className="field">
        {td('clientsLabel')}
        <input
          type="text"
          defaultValue={settings.allowedClients.join(', ')}
          onChange={(event) => onSettings({ ...settings, allowedClients: splitClients(event.target.value) })}
        />
      </label>
      {warnings.panel.map((warning) => (
        <p key={warning} className="notice warn" data-testid="settings-warning">
          {warning}
        </p>
      ))}
      <FetchGate permission={props.permission} onApprove={props.onApprove} explain />
      {/* Always in the page, so a screen reader hears each verdict as it changes (a region added with its text may go unheard). */}
      <div role="status">{verdict && <VerdictLine verdict={verdict} offPoolHost={warnings.offPoolHost} />}</div>
      {clockNote && <p className="notice warn">{clockNote}</p>}
      {checks && <ChecksTable checks={checks} label={td('checksTable')} />}
    </section>
  );
}

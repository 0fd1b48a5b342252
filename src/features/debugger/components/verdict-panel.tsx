import { td } from '../../../i18n/debugger.ts';
import { splitClients } from '../debugger-url.ts';
import type { Check, RuntimeSettings, Verdict } from '../runtime-verdict.ts';

interface VerdictPanelProps {
  settings: RuntimeSettings;
  onSettings: (settings: RuntimeSettings) => void;
  checks: Check[] | undefined;
  verdict: Verdict | undefined;
  clockNote?: string;
}

function resultText(ok: boolean | undefined) {
  return ok === true ? td('pass') : ok === false ? td('fail') : td('unknown');
}

export function VerdictPanel({ settings, onSettings, checks, verdict, clockNote }: VerdictPanelProps) {
  return (
    <section className="panel" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{td('runtime')}</h2>
      <p className="meta">{td('runtimeIntro')}</p>
      <label className="field">
        {td('discoveryLabel')}
        <input
          type="url"
          value={settings.discoveryUrl}
          onChange={(event) => onSettings({ ...settings, discoveryUrl: event.target.value.trim() })}
        />
      </label>
      <label className="field">
        {td('clientsLabel')}
        <input
          type="text"
          defaultValue={settings.allowedClients.join(', ')}
          onChange={(event) => onSettings({ ...settings, allowedClients: splitClients(event.target.value) })}
        />
      </label>
      {verdict && (
        <p className={`verdict notice ${verdict.kind === 'accepted' ? 'ok' : verdict.kind === 'rejected' ? 'error' : ''}`} role="status">
          <strong>{verdict.kind === 'accepted' ? td('accepted') : verdict.kind === 'rejected' ? td('rejected') : td('pending')}</strong>
          {verdict.kind === 'rejected' && <> ({td('rejectedBy', { claims: verdict.failing.join(', ') })})</>}
        </p>
      )}
      {clockNote && <p className="notice warn">{clockNote}</p>}
      {checks && (
        <table className="claims" aria-label={td('checksTable')}>
          <thead>
            <tr>
              <th scope="col">{td('check')}</th>
              <th scope="col">{td('result')}</th>
              <th scope="col">{td('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((check) => (
              <tr key={check.name} data-check={check.name} data-ok={String(check.ok)}>
                <th scope="row">{check.name}</th>
                <td>{resultText(check.ok)}</td>
                <td>{check.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

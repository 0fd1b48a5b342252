import { useState } from 'react';
import { td } from '../../../i18n/debugger.ts';
import { splitClients } from '../debugger-url.ts';
import type { Check, Verdict } from '../runtime-verdict.ts';
import { verdictSummary } from '../runtime-verdict.ts';
import { ChecksTable } from './checks-table.tsx';

interface GatewayPanelProps {
  clients: string[];
  onClients: (clients: string[]) => void;
  checks: Check[] | undefined;
  verdict: Verdict | undefined;
  differences: string[];
  formNote: string;
  /** Set when the verdict rests on keys the configuration does not name (as for the runtime's). */
  offPoolHost?: string;
}

/** The same token as AgentKit Gateway's CustomJWT (MCP) would judge it, and where that differs from the runtime. */
export function GatewayPanel({ clients, onClients, checks, verdict, differences, formNote, offPoolHost }: GatewayPanelProps) {
  // Typed text stays as typed ("a, "); a change of the list from outside (it follows the runtime's) replaces it.
  const shown = clients.join(', ');
  const [text, setText] = useState(shown);
  const [last, setLast] = useState(shown);
  if (shown !== last) {
    setLast(shown);
    if (splitClients(text).join(', ') !== shown) setText(shown);
  }
  const tone = verdict?.kind === 'accepted' ? (offPoolHost ? 'warn' : 'ok') : verdict?.kind === 'rejected' ? 'error' : '';
  return (
    <section className="panel" aria-labelledby="gateway-title">
      <h2 id="gateway-title">{td('gateway')}</h2>
      <p className="meta">{td('gatewayIntro')}</p>
      <label className="field">
        {td('gatewayClientsLabel')}
        <input
          type="text"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onClients(splitClients(event.target.value));
          }}
        />
      </label>
      <p className="meta" data-testid="gateway-form">
        {td('formUsed', { form: formNote })}
      </p>
      <div aria-live="polite">
        {verdict && (
          <p className={`gateway-verdict notice ${tone}`}>
            <strong>{verdictSummary(verdict)}</strong>
            {verdict.kind === 'accepted' && offPoolHost && <> ({td('untrustedVerdict', { host: offPoolHost })})</>}
          </p>
        )}
      </div>
      {checks && <ChecksTable checks={checks} label={td('gatewayChecksTable')} />}
      <h3>{td('differencesTitle')}</h3>
      {differences.length > 0 ? (
        <ul data-testid="target-differences">
          {differences.map((difference) => (
            <li key={difference}>{difference}</li>
          ))}
        </ul>
      ) : (
        <p className="meta">{td('noDifferences')}</p>
      )}
      <p className="meta">{td('gatewayUnconfirmed')}</p>
    </section>
  );
}

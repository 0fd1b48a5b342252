import { type KeyboardEvent, useState } from 'react';
import { t } from '../../../i18n/index.ts';
import { decodeToken } from '../../../lib/jwt.ts';
import { dateOfClaim, formatDuration } from '../../../lib/time.ts';
import { useNow } from '../../../lib/use-now.ts';
import { ClaimsTable } from './claims-table.tsx';
import { RawToken } from './raw-token.tsx';
import './token-panel.css';
import '../../../components/disclosure-panel.css';

type Tab = 'access' | 'id';

function Countdown({ exp, now }: { exp: unknown; now: number }) {
  // An exp that is no moment (1e20, "soon") gets no countdown; its claim row says "not a valid time".
  if (!dateOfClaim(exp)) return null;
  const left = (exp as number) - now / 1000;
  return (
    <p className="countdown" aria-live="off">
      {left > 0 ? t('token.expiresIn', { time: formatDuration(left) }) : t('token.expired', { time: formatDuration(left) })}
    </p>
  );
}

function TokenView({ token, label }: { token: string | undefined; label: string }) {
  const now = useNow();
  if (!token) return <p>{t('token.none')}</p>;
  const decoded = decodeToken(token);
  return (
    <>
      {decoded.kind === 'jwt' ? (
        <>
          <Countdown exp={decoded.payload.exp} now={now} />
          <ClaimsTable payload={decoded.payload} label={label} now={now} />
        </>
      ) : (
        <p className="notice">{t('token.opaque')}</p>
      )}
      <RawToken token={token} />
    </>
  );
}

/** The signed-in user's tokens, decoded; shown on the main page without extra clicks, collapsible. */
export function TokenPanel({ accessToken, idToken }: { accessToken: string; idToken: string | undefined }) {
  const [tab, setTab] = useState<Tab>('access');
  const tabs: Array<[Tab, string]> = [
    ['access', t('token.access')],
    ['id', t('token.id')],
  ];
  // The ARIA tabs pattern: one tab stop for the list, arrow keys (and Home/End) move between tabs.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex(([id]) => id === tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const [id] = tabs[(next + tabs.length) % tabs.length];
    setTab(id);
    document.getElementById(`token-tab-${id}`)?.focus();
  };
  return (
    <details className="panel token-panel" open>
      <summary>
        <h2>{t('token.title')}</h2>
      </summary>
      <div className="tabs" role="tablist" aria-label={t('token.tabs')} onKeyDown={onKeyDown}>
        {tabs.map(([id, name]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`token-tab-${id}`}
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            aria-controls="token-tabpanel"
            onClick={() => setTab(id)}
          >
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="token-tabpanel" aria-labelledby={`token-tab-${tab}`}>
        {tab === 'access' ? (
          <TokenView token={accessToken} label={t('token.claimsLabel')} />
        ) : (
          <TokenView token={idToken} label={t('token.idClaimsLabel')} />
        )}
      </div>
    </details>
  );
}

import { useSyncExternalStore } from 'react';
import { td } from '../../../i18n/debugger.ts';
import type { FlowEntry, FlowTrace, FlowValue, ReceivedToken, Redacted, TokensVia } from '../../../lib/flow-trace.ts';
import { formatTimeOfDay } from '../../../lib/time.ts';

const VIA = { startup: 'viaStartup', code: 'viaCode', refresh_token: 'viaRefresh', iframe: 'viaIframe' } as const satisfies Record<
  TokensVia,
  string
>;

function redactedText(value: Redacted): string {
  return td('redacted', { start: value.start, length: value.length });
}

function shown(value: FlowValue | number): string {
  return typeof value === 'object' ? redactedText(value) : String(value);
}

function receivedText(token: ReceivedToken): string {
  const value = redactedText(token.value);
  if (token.format === undefined) return value;
  return td(token.format === 'jwt' ? 'receivedJwt' : 'receivedOpaque', { value });
}

function Pairs({ values }: { values: Record<string, FlowValue | number | undefined> }) {
  return (
    <dl className="pairs">
      {Object.entries(values)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value === undefined ? '' : shown(value)}</dd>
          </div>
        ))}
    </dl>
  );
}

function Entry({ item }: { item: FlowEntry }) {
  const time = formatTimeOfDay(item.at);
  switch (item.kind) {
    case 'discovery':
      return (
        <li>
          <strong>{td('flowDiscovery')}</strong> <span className="meta">{time}</span>
          <Pairs values={item.endpoints} />
        </li>
      );
    case 'authorize':
      return (
        <li>
          <strong>{td('flowAuthorize')}</strong> <span className="meta">{time}</span>
          <Pairs values={{ [td('flowEndpoint')]: item.endpoint, ...item.params }} />
        </li>
      );
    case 'callback':
      return (
        <li>
          <strong>{td('flowCallback')}</strong> <span className="meta">{time}</span>
          <Pairs
            values={{
              state: item.stateMatched ? td('stateMatched') : td('stateUnmatched'),
              code: item.code ?? td('none'),
              iss: item.iss,
              error: item.error,
            }}
          />
        </li>
      );
    case 'tokens':
      return (
        <li>
          <strong>{td('flowTokens', { via: td(VIA[item.via]) })}</strong> <span className="meta">{time}</span>
          <Pairs
            values={{
              token_type: item.tokenType,
              expires_in: item.expiresIn,
              scope: item.scope,
              ...Object.fromEntries(item.received.map((token) => [token.name, receivedText(token)])),
              [td('flowClock')]: item.clockOffsetSeconds === undefined ? undefined : td('clockOffset', { offset: item.clockOffsetSeconds }),
            }}
          />
        </li>
      );
    case 'renewal':
      return (
        <li>
          <strong>
            {td('flowRenewal', {
              method: td(item.method === 'iframe' ? 'renewalIframe' : 'renewalRefresh'),
              outcome: td(item.outcome === 'ok' ? 'renewalOk' : 'renewalFailed'),
            })}
          </strong>{' '}
          <span className="meta">{time}</span>
          {item.detail && <Pairs values={{ [td('flowDetail')]: item.detail }} />}
        </li>
      );
  }
}

export function FlowInspector({ flow }: { flow: FlowTrace }) {
  const items = useSyncExternalStore(flow.subscribe, flow.getItems);
  return (
    <section className="panel" aria-labelledby="flow-title">
      <h2 id="flow-title">{td('flow')}</h2>
      {items.length === 0 ? (
        <p className="meta">{td('flowEmpty')}</p>
      ) : (
        <ol className="flow">
          {items.map((item) => (
            <Entry key={item.id} item={item} />
          ))}
        </ol>
      )}
    </section>
  );
}

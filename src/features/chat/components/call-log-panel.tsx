import { useSyncExternalStore } from 'react';
import { t } from '../../../i18n/index.ts';
import { formatNumber, formatTimeOfDay } from '../../../lib/time.ts';
import type { CallLog, CallRecord } from '../api/call-log.ts';
import './call-log-panel.css';
import '../../../components/data-table.css';
import '../../../components/disclosure-panel.css';

function statusText(record: CallRecord): string {
  if (record.outcome === 'pending') return t('calls.pending');
  if (record.outcome === 'stopped') return `${record.status ?? ''} ${t('calls.stopped')}`.trim();
  return record.status ? String(record.status) : t('calls.network');
}

function authorizationText({ authorization }: CallRecord): string {
  if (!authorization) return '';
  if (authorization.waitedMs === undefined) return t('calls.authWaiting');
  const seconds = formatNumber(authorization.waitedMs / 1000, { maximumFractionDigits: 1 });
  return t(authorization.authorized ? 'calls.authWaited' : 'calls.authWaitedNotGiven', { seconds });
}

/** Every call this page made to the agent: the client side of the audit trail, in memory only. */
export function CallLogPanel({ log }: { log: CallLog }) {
  const records = useSyncExternalStore(log.subscribe, log.getItems);
  return (
    <details className="panel call-log" open>
      <summary>
        <h2>{t('calls.title')}</h2>
      </summary>
      {records.length === 0 ? (
        <p className="meta">{t('calls.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('calls.table')}>
          <thead>
            <tr>
              <th scope="col">{t('calls.time')}</th>
              <th scope="col">{t('calls.status')}</th>
              <th scope="col">{t('calls.latency')}</th>
              <th scope="col">{t('calls.bytes')}</th>
              <th scope="col">{t('calls.mode')}</th>
              <th scope="col">{t('calls.as')}</th>
            </tr>
          </thead>
          <tbody>
            {[...records].reverse().map((record) => (
              <tr key={record.id} data-outcome={record.outcome}>
                <td>{formatTimeOfDay(record.startedAt)}</td>
                <td>
                  {statusText(record)}
                  {record.replay ? ` (${t('calls.replay')})` : ''}
                  {record.authorization && <span className="auth-wait">{`; ${authorizationText(record)}`}</span>}
                </td>
                <td>{record.latencyMs === undefined ? '' : `${record.latencyMs} ms`}</td>
                <td>{record.bytes}</td>
                <td>{record.streamed ? t('calls.streamed') : t('calls.json')}</td>
                <td className="sub" title={record.sub}>
                  {record.sub ? `${record.sub.slice(0, 8)}…` : t('calls.anonymous')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

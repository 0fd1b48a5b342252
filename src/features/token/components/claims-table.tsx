import { t } from '../../../i18n/index.ts';
import { claimRows } from '../format-claims.ts';

export function ClaimsTable({ payload, label, now }: { payload: Record<string, unknown>; label: string; now: number }) {
  return (
    <table className="claims" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('token.claim')}</th>
          <th scope="col">{t('token.value')}</th>
        </tr>
      </thead>
      <tbody>
        {claimRows(payload, now).map((row) => (
          <tr key={row.name} className={row.key ? 'key-claim' : undefined} data-claim={row.name}>
            <th scope="row">{row.name}</th>
            <td>
              {row.time ? (
                <>
                  <time dateTime={new Date(Number(payload[row.name]) * 1000).toISOString()}>{row.time.local}</time>{' '}
                  <span className="relative">({row.time.relative})</span> <span className="relative">{row.text}</span>
                </>
              ) : (
                row.text
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

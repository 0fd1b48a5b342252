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
                  <time dateTime={row.time.iso}>{row.time.local}</time> <span className="relative">({row.time.relative})</span>{' '}
                  <span className="relative">{row.text}</span>
                </>
              ) : (
                row.text
              )}
              {row.invalidTime && <span className="relative"> ({t('token.invalidTime')})</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { KeyValueTable } from '../../../components/key-value-table.tsx';
import { t } from '../../../i18n/index.ts';
import { type ClaimRow, claimRows } from '../format-claims.ts';

function ClaimValue({ row }: { row: ClaimRow }) {
  return (
    <>
      {row.time ? (
        <>
          <time dateTime={row.time.iso}>{row.time.local}</time> <span className="kv-note">({row.time.relative})</span>{' '}
          <span className="kv-note">{row.text}</span>
        </>
      ) : (
        row.text
      )}
      {row.invalidTime && <span className="kv-note"> ({t('token.invalidTime')})</span>}
    </>
  );
}

export function ClaimsTable({ payload, label, now }: { payload: Record<string, unknown>; label: string; now: number }) {
  const rows = claimRows(payload, now).map((row) => ({ name: row.name, value: <ClaimValue row={row} />, highlight: row.key }));
  return <KeyValueTable label={label} headings={[t('token.claim'), t('token.value')]} rows={rows} />;
}

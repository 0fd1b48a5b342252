import { KeyValueTable } from '../../../components/key-value-table.tsx';
import { claimDoc, td } from '../../../i18n/debugger.ts';
import type { DecodedToken } from '../../../lib/jwt.ts';
import { dateOfClaim, formatLocalTime, formatRelative } from '../../../lib/time.ts';

const TIME_FIELDS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);

function TimeNote({ value, now }: { value: unknown; now: number }) {
  if (!dateOfClaim(value)) return <span className="kv-note"> ({td('invalidTime')})</span>;
  const seconds = value as number;
  return (
    <span className="kv-note">
      {' '}
      {formatLocalTime(seconds)} ({formatRelative(seconds, now)})
    </span>
  );
}

function FieldTable({ label, fields, now }: { label: string; fields: Record<string, unknown>; now: number }) {
  const rows = Object.entries(fields).map(([name, value]) => ({
    name,
    value: (
      <>
        {typeof value === 'string' ? value : JSON.stringify(value)}
        {TIME_FIELDS.has(name) && <TimeNote value={value} now={now} />}
      </>
    ),
    note: claimDoc(name) ?? '',
  }));
  return <KeyValueTable label={label} headings={[td('field'), td('value'), td('meaning')]} rows={rows} />;
}

export function invalidMessage(decoded: DecodedToken, rawParts: number): string | undefined {
  switch (decoded.kind) {
    case 'jwt':
      return undefined;
    case 'opaque':
      return td('opaque');
    case 'jwe':
      return td('jwe');
    case 'invalid': {
      const part = td(`part_${decoded.part ?? 'payload'}`);
      if (decoded.reason === 'empty') return td('empty');
      if (decoded.reason === 'too-large') return td('tooLarge');
      if (decoded.reason === 'parts') return td('parts', { count: rawParts });
      if (decoded.reason === 'base64') return td('base64', { part });
      if (decoded.reason === 'json') return td('json', { part });
      return td('notObject', { part });
    }
  }
}

export function DecodedView({ decoded, now }: { decoded: Extract<DecodedToken, { kind: 'jwt' }>; now: number }) {
  return (
    <>
      <h3>{td('header')}</h3>
      <FieldTable label={td('headerTable')} fields={decoded.header} now={now} />
      <h3>{td('claims')}</h3>
      <FieldTable label={td('claimsTable')} fields={decoded.payload} now={now} />
    </>
  );
}

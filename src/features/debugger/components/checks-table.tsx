import { td } from '../../../i18n/debugger.ts';
import type { Check } from '../runtime-verdict.ts';
import '../../../components/data-table.css';

function resultText(ok: boolean | undefined) {
  return ok === true ? td('pass') : ok === false ? td('fail') : td('unknown');
}

/** A verdict's checks, one row each (the runtime's custom_jwt and the gateway's CustomJWT alike). */
export function ChecksTable({ checks, label }: { checks: readonly Check[]; label: string }) {
  return (
    <table className="data-table" aria-label={label}>
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
  );
}

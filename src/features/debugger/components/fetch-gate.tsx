import { td } from '../../../i18n/debugger.ts';
import type { FetchPermission } from '../trust.ts';

/** The one way to fetch from a host that is not the configured pool: a click on a button that names it. */
export function FetchGate({ permission, onApprove }: { permission: FetchPermission; onApprove: (origin: string) => void }) {
  if (permission.kind !== 'ask') return null;
  return (
    <p className="buttons">
      <button type="button" onClick={() => onApprove(permission.origin)}>
        {td('fetchFrom', { host: permission.host })}
      </button>
    </p>
  );
}

import { td } from '../../../i18n/debugger.ts';
import type { FetchPermission } from '../trust.ts';

/**
 * The one way to fetch from a host that is not the configured pool: a click on a button that names it, for an
 * issuer the deployment lists. For any other host, `explain` says why nothing can be fetched and what to do.
 */
export function FetchGate({
  permission,
  onApprove,
  explain = false,
}: {
  permission: FetchPermission;
  onApprove: (origin: string) => void;
  explain?: boolean;
}) {
  if (permission.kind === 'unlisted' && explain) {
    return (
      <p className="notice warn" data-testid="unlisted-issuer">
        {td('unlistedVerdict', { host: permission.host })}
      </p>
    );
  }
  if (permission.kind !== 'ask') return null;
  return (
    <p className="buttons">
      <button type="button" onClick={() => onApprove(permission.origin)}>
        {td('fetchFrom', { host: permission.host })}
      </button>
    </p>
  );
}

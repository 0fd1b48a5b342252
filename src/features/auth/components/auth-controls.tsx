import { t } from '../../../i18n/index.ts';
import { useAuth } from '../auth-context.tsx';
import { type AuthState, displayName } from '../auth-state.ts';
import './auth-controls.css';

function statusText(state: AuthState): string {
  switch (state.status) {
    case 'starting':
      return t('auth.status.starting');
    case 'signed-out':
      return t('auth.status.signedOut');
    case 'signing-in':
      return t('auth.status.signingIn');
    case 'signed-in':
      return t('auth.status.signedIn', { name: displayName(state.user) });
    case 'renewing':
      return t('auth.status.renewing', { name: displayName(state.user) });
    case 'expired':
      return t('auth.status.expired');
    case 'error':
      return t('auth.status.error');
  }
}

/** The always-visible status and the one Sign in / Sign out button. */
export function AuthControls() {
  const { state, signIn, signOut } = useAuth();
  const signedIn = state.status === 'signed-in' || state.status === 'renewing';
  return (
    <>
      <span className="auth-status" role="status" data-status={state.status}>
        {statusText(state)}
      </span>
      {signedIn ? (
        <button type="button" className="secondary" onClick={signOut}>
          {t('auth.signOut')}
        </button>
      ) : (
        <button type="button" onClick={signIn} disabled={state.status === 'signing-in'}>
          {t('auth.signIn')}
        </button>
      )}
    </>
  );
}

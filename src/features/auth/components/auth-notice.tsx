import { t } from '../../../i18n/index.ts';
import { useAuth } from '../auth-context.tsx';

/** Says what went wrong with sign-in or renewal and what to check; the header keeps the "Sign in" button. */
export function AuthNotice() {
  const { state } = useAuth();
  if (state.status === 'error') {
    return (
      <div className="notice error" role="alert">
        <strong>{t('auth.errorTitle')}</strong> {t(state.failure.message, state.failure.params)}
      </div>
    );
  }
  if (state.status === 'expired') {
    return (
      <div className="notice warn" role="alert">
        <strong>{t('auth.expiredTitle')}</strong> {t(state.failure.message, state.failure.params)} {t('auth.expiredHint')}
      </div>
    );
  }
  return null;
}

import { t } from '../../../i18n/index.ts';
import { formatTimeOfDay } from '../../../lib/time.ts';
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
        <strong>{t('auth.expiredTitle')}</strong> {state.failure && t(state.failure.message, state.failure.params)} {t('auth.expiredHint')}
      </div>
    );
  }
  if ((state.status === 'signed-in' || state.status === 'renewing') && state.trouble) {
    const { failure, retryInMs } = state.trouble;
    const until = formatTimeOfDay((state.user.expires_at ?? 0) * 1000);
    // A polite status, not an alert: the token in hand still works, and the console keeps trying on its own.
    return (
      <div className="notice warn renewal-trouble" role="status">
        <strong>{t('auth.renewalFailedTitle')}</strong> {t(failure.message, failure.params)}{' '}
        {retryInMs === undefined
          ? t('auth.renewalNoRetry', { time: until })
          : t('auth.renewalRetry', { seconds: Math.round(retryInMs / 1000), time: until })}
      </div>
    );
  }
  return null;
}

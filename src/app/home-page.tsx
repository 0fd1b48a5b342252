import { useConfig } from '../config/config-context.ts';
import { useAuth } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import { AuthNotice } from '../features/auth/components/auth-notice.tsx';
import { TokenPanel } from '../features/token/components/token-panel.tsx';
import { t } from '../i18n/index.ts';

export function HomePage() {
  const config = useConfig();
  const { state } = useAuth();
  const user = currentUser(state);
  return (
    <>
      <AuthNotice />
      <div className="workspace">
        <section className="panel" aria-label={config.agentName}>
          <p>{t('home.intro', { agent: config.agentName })}</p>
        </section>
        {user && <TokenPanel accessToken={user.access_token} idToken={user.id_token} />}
      </div>
    </>
  );
}

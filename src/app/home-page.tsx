import { ErrorBoundary } from '../components/error-boundary.tsx';
import { useConfig } from '../config/config-context.ts';
import { useAuth } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import { AuthNotice } from '../features/auth/components/auth-notice.tsx';
import type { CallLog } from '../features/chat/api/call-log.ts';
import { CallLogPanel } from '../features/chat/components/call-log-panel.tsx';
import { ChatPanel } from '../features/chat/components/chat-panel.tsx';
import { debuggerLink } from '../features/debugger/debugger-url.ts';
import { TokenPanel } from '../features/token/components/token-panel.tsx';
import { t } from '../i18n/index.ts';
import { discoveryUrlOf } from '../lib/http-probe.ts';

export function HomePage({ callLog }: { callLog: CallLog }) {
  const config = useConfig();
  const { state, signIn } = useAuth();
  const user = currentUser(state);
  const runtimeDefaults = {
    discoveryUrl: discoveryUrlOf(config.issuer),
    allowedClients: [config.clientId],
  };
  return (
    <>
      <AuthNotice />
      <div className="workspace">
        <ErrorBoundary part="chat">
          <ChatPanel
            agentName={config.agentName}
            signIn={signIn}
            debuggerLink={(reason) => debuggerLink(runtimeDefaults, 'access', reason)}
            signedInAs={user?.profile.sub}
          />
        </ErrorBoundary>
        <aside className="side">
          <ErrorBoundary part="token" resetKey={user?.access_token}>
            {user ? (
              <TokenPanel accessToken={user.access_token} idToken={user.id_token} />
            ) : (
              <section className="panel" aria-labelledby="token-hint-title">
                <h2 id="token-hint-title">{t('token.title')}</h2>
                <p className="meta">{t('token.signedOut')}</p>
              </section>
            )}
          </ErrorBoundary>
          <ErrorBoundary part="callLog">
            <CallLogPanel log={callLog} />
          </ErrorBoundary>
        </aside>
      </div>
    </>
  );
}

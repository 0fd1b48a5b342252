import { useMemo } from 'react';
import { useConfig } from '../config/config-context.ts';
import { useAuth, useAuthController } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import { AuthNotice } from '../features/auth/components/auth-notice.tsx';
import type { CallLog } from '../features/chat/api/call-log.ts';
import { CallLogPanel } from '../features/chat/components/call-log-panel.tsx';
import { ChatPanel } from '../features/chat/components/chat-panel.tsx';
import { DEBUGGER_PATH, debuggerSearch } from '../features/debugger/debugger-url.ts';
import { TokenPanel } from '../features/token/components/token-panel.tsx';
import { t } from '../i18n/index.ts';
import { discoveryUrlOf } from '../lib/http-probe.ts';
import { agentAuthFrom } from './agent-auth.ts';

export function HomePage({ callLog }: { callLog: CallLog }) {
  const config = useConfig();
  const controller = useAuthController();
  const { state, signIn } = useAuth();
  const user = currentUser(state);
  const agentAuth = useMemo(() => agentAuthFrom(controller), [controller]);
  const onSignOut = useMemo(() => controller.onSignOut.bind(controller), [controller]);
  const runtimeDefaults = {
    discoveryUrl: discoveryUrlOf(config.issuer),
    allowedClients: [config.clientId],
  };
  return (
    <>
      <AuthNotice />
      <div className="workspace">
        <ChatPanel
          endpoint={config.agentEndpoint}
          agentName={config.agentName}
          auth={agentAuth}
          log={callLog}
          signIn={signIn}
          onSignOut={onSignOut}
          subject={user?.profile.sub}
          debuggerHref={(reason) => `${DEBUGGER_PATH}${debuggerSearch(runtimeDefaults, 'access', reason)}`}
        />
        <aside className="side">
          {user ? (
            <TokenPanel accessToken={user.access_token} idToken={user.id_token} />
          ) : (
            <section className="panel" aria-labelledby="token-hint-title">
              <h2 id="token-hint-title">{t('token.title')}</h2>
              <p className="meta">{t('token.signedOut')}</p>
            </section>
          )}
          <CallLogPanel log={callLog} />
        </aside>
      </div>
    </>
  );
}

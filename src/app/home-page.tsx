import { lazy, Suspense, useCallback } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { useConfig } from '../config/config-context.ts';
import { useAuth } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import { AuthNotice } from '../features/auth/components/auth-notice.tsx';
import type { CallLog } from '../features/chat/api/call-log.ts';
import { ChatPanel } from '../features/chat/components/chat-panel.tsx';
import { debuggerLink } from '../features/debugger/debugger-url.ts';
import { t } from '../i18n/index.ts';
import { discoveryUrlOf } from '../lib/http-probe.ts';
import './home-page.css';

// After sign-in the header comes first: the claims table and the call log load beside it, not before it.
const TokenPanel = lazy(() => import('../features/token/components/token-panel.tsx').then((module) => ({ default: module.TokenPanel })));
const CallLogPanel = lazy(() =>
  import('../features/chat/components/call-log-panel.tsx').then((module) => ({ default: module.CallLogPanel })),
);

function PanelPlaceholder({ title }: { title: string }) {
  return (
    <section className="panel" aria-busy="true">
      <h2>{title}</h2>
    </section>
  );
}

export function HomePage({ callLog }: { callLog: CallLog }) {
  const config = useConfig();
  const { state, signIn } = useAuth();
  const user = currentUser(state);
  // Stable across renders (a renewal, a language switch): the conversation's messages take it and stay as they are.
  const linkToDebugger = useCallback(
    (reason: string | undefined) =>
      debuggerLink({ discoveryUrl: discoveryUrlOf(config.issuer), allowedClients: [config.clientId] }, 'access', reason),
    [config.issuer, config.clientId],
  );
  return (
    <>
      <AuthNotice />
      <div className="workspace">
        <ErrorBoundary part="chat">
          <ChatPanel agentName={config.agentName} signIn={signIn} debuggerLink={linkToDebugger} signedInAs={user?.profile.sub} />
        </ErrorBoundary>
        <aside className="side">
          <ErrorBoundary part="token" resetKey={user?.access_token}>
            {user ? (
              <Suspense fallback={<PanelPlaceholder title={t('token.title')} />}>
                <TokenPanel accessToken={user.access_token} idToken={user.id_token} />
              </Suspense>
            ) : (
              <section className="panel" aria-labelledby="token-hint-title">
                <h2 id="token-hint-title">{t('token.title')}</h2>
                <p className="meta">{t('token.signedOut')}</p>
              </section>
            )}
          </ErrorBoundary>
          <ErrorBoundary part="callLog">
            <Suspense fallback={<PanelPlaceholder title={t('calls.title')} />}>
              <CallLogPanel log={callLog} />
            </Suspense>
          </ErrorBoundary>
        </aside>
      </div>
    </>
  );
}

import { type ReactNode, useMemo } from 'react';
import { useConfig } from '../config/config-context.ts';
import { useAuth, useAuthController } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import type { CallLog } from '../features/chat/api/call-log.ts';
import { ChatSessionProvider } from '../features/chat/chat-session.tsx';
import { setLinkAgentEndpoint } from '../features/chat/markdown/index.ts';
import { setConsentContext } from '../features/chat/outbound/consent-url.ts';
import { agentAuthFrom } from './agent-auth.ts';

/** Wires the chat to the session: the bearer token, the signed-in subject, sign-out clearing. */
export function AppChatSession({ callLog, children }: { callLog: CallLog; children: ReactNode }) {
  const config = useConfig();
  // Before the first answer renders (a rendered block is never rendered again): which links point into the
  // console's own agent path, and which consent addresses may use loopback http.
  useMemo(() => {
    setLinkAgentEndpoint(config.agentEndpoint);
    setConsentContext(config);
  }, [config]);
  const controller = useAuthController();
  const user = currentUser(useAuth().state);
  const agentAuth = useMemo(() => agentAuthFrom(controller), [controller]);
  const onSignOut = useMemo(() => controller.onSignOut.bind(controller), [controller]);
  return (
    <ChatSessionProvider endpoint={config.agentEndpoint} auth={agentAuth} log={callLog} onSignOut={onSignOut} subject={user?.profile.sub}>
      {children}
    </ChatSessionProvider>
  );
}

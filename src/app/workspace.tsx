import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { CallLog } from '../features/chat/api/call-log.ts';
import { enWorkspace } from '../i18n/en-workspace.ts';
import { addEnglish } from '../i18n/index.ts';
import { AppChatSession } from './app-chat-session.tsx';
import { DebuggerRoute } from './debugger-route.tsx';
import { HomePage } from './home-page.tsx';

addEnglish(enWorkspace);

/**
 * Everything below the header: the conversation (kept across pages) and the page shown. A chunk of its own,
 * fetched beside config.json as the console starts (see app-shell.tsx), so the header and the sign-in state
 * do not wait for the chat's code, nor the code exchange on the callback.
 */
export function Workspace({ pathname, onDebugger }: { pathname: string; onDebugger: boolean }) {
  const [callLog] = useState(() => new CallLog());
  // Only the workspace fetches with TanStack Query: its client (and the library) stay out of the first page.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <AppChatSession callLog={callLog}>
        <ErrorBoundary part={onDebugger ? 'debugger' : 'page'} resetKey={pathname}>
          {onDebugger ? <DebuggerRoute /> : <HomePage callLog={callLog} />}
        </ErrorBoundary>
      </AppChatSession>
    </QueryClientProvider>
  );
}

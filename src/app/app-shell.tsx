import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { useConfig } from '../config/config-context.ts';
import { AuthProvider } from '../features/auth/auth-context.tsx';
import { AuthControls } from '../features/auth/components/auth-controls.tsx';
import { createAuthController } from '../features/auth/create-auth-controller.ts';
import { CallLog } from '../features/chat/api/call-log.ts';
import { DEBUGGER_PATH } from '../features/debugger/debugger-url.ts';
import { t } from '../i18n/index.ts';
import { followLink, usePathname } from '../lib/navigation.ts';
import { AppChatSession } from './app-chat-session.tsx';
import { DebuggerRoute } from './debugger-route.tsx';
import { HomePage } from './home-page.tsx';

function NavLink({ to, label, current }: { to: string; label: string; current: boolean }) {
  return (
    <a href={to} aria-current={current ? 'page' : undefined} onClick={(event) => followLink(event, to)}>
      {label}
    </a>
  );
}

export function AppShell() {
  const config = useConfig();
  const [auth] = useState(() => createAuthController(config));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const [callLog] = useState(() => new CallLog());
  const pathname = usePathname();
  const onDebugger = pathname === DEBUGGER_PATH;
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider controller={auth}>
        <div className="shell">
          <header className="app-header">
            <span className="brand">{t('app.title')}</span>
            <span className="agent-name">{t('header.agent', { name: config.agentName })}</span>
            <nav aria-label={t('header.nav')}>
              <NavLink to="/" label={t('nav.console')} current={!onDebugger} />
              <NavLink to={DEBUGGER_PATH} label={t('nav.debugger')} current={onDebugger} />
            </nav>
            <span className="spacer" />
            <AuthControls />
          </header>
          {/* Below the header: a failing page leaves the auth controls, and the session in memory, in place. */}
          <AppChatSession callLog={callLog}>
            <main id="main">
              <ErrorBoundary part={onDebugger ? 'debugger' : 'page'} resetKey={pathname}>
                {onDebugger ? <DebuggerRoute /> : <HomePage callLog={callLog} />}
              </ErrorBoundary>
            </main>
          </AppChatSession>
        </div>
      </AuthProvider>
    </QueryClientProvider>
  );
}

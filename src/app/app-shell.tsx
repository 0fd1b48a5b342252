import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useConfig } from '../config/config-context.ts';
import { AuthProvider } from '../features/auth/auth-context.tsx';
import { AuthControls } from '../features/auth/components/auth-controls.tsx';
import { createAuthController } from '../features/auth/create-auth-controller.ts';
import { CallLog } from '../features/chat/api/call-log.ts';
import { t } from '../i18n/index.ts';
import { HomePage } from './home-page.tsx';

export function AppShell() {
  const config = useConfig();
  const [auth] = useState(() => createAuthController(config));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const [callLog] = useState(() => new CallLog());
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider controller={auth}>
        <div className="shell">
          <header className="app-header">
            <span className="brand">{t('app.title')}</span>
            <span className="agent-name">{t('header.agent', { name: config.agentName })}</span>
            <span className="spacer" />
            <AuthControls />
          </header>
          <main id="main">
            <HomePage callLog={callLog} />
          </main>
        </div>
      </AuthProvider>
    </QueryClientProvider>
  );
}

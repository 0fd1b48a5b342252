import { useState } from 'react';
import { useConfig } from '../config/config-context.ts';
import { AuthProvider } from '../features/auth/auth-context.tsx';
import { AuthControls } from '../features/auth/components/auth-controls.tsx';
import { createAuthController } from '../features/auth/create-auth-controller.ts';
import { t } from '../i18n/index.ts';
import { HomePage } from './home-page.tsx';

export function AppShell() {
  const config = useConfig();
  const [auth] = useState(() => createAuthController(config));
  return (
    <AuthProvider controller={auth}>
      <div className="shell">
        <header className="app-header">
          <span className="brand">{t('app.title')}</span>
          <span className="agent-name">{t('header.agent', { name: config.agentName })}</span>
          <span className="spacer" />
          <AuthControls />
        </header>
        <main id="main">
          <HomePage />
        </main>
      </div>
    </AuthProvider>
  );
}

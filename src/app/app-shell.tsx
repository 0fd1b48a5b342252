import { useConfig } from '../config/config-context.ts';
import { t } from '../i18n/index.ts';

export function AppShell() {
  const config = useConfig();
  return (
    <div className="shell">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <span className="agent-name">{t('header.agent', { name: config.agentName })}</span>
      </header>
      <main id="main">
        <p>{t('home.intro', { agent: config.agentName })}</p>
      </main>
    </div>
  );
}

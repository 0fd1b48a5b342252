import { lazy, Suspense, use } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { ConfigContext } from '../config/config-context.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { languageReady, t } from '../i18n/index.ts';
import { AppShell } from './app-shell.tsx';

// Only a console whose configuration is wrong needs it.
const SetupScreen = lazy(() => import('../config/setup-screen.tsx').then((module) => ({ default: module.SetupScreen })));

function ConfiguredApp({ load }: { load: Promise<LoadedConfig> }) {
  const { result, warnings } = use(load);
  use(languageReady); // the first render is in the reader's language (its catalogue loads beside config.json)
  if (!result.ok) return <SetupScreen problems={[...result.problems, ...warnings]} />;
  for (const warning of warnings) console.warn(t(warning.message, warning.params));
  return (
    <ConfigContext.Provider value={result.config}>
      <AppShell />
    </ConfigContext.Provider>
  );
}

/** `load` is started once, outside React, so StrictMode's double render does not fetch config.json twice. */
export function App({ load }: { load: Promise<LoadedConfig> }) {
  return (
    <ErrorBoundary part="console">
      <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
        <ConfiguredApp load={load} />
      </Suspense>
    </ErrorBoundary>
  );
}

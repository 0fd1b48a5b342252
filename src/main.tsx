import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { earlyConfigRead, type LoadedConfig, loadConfig } from './config/load-config.ts';
import { startCallbackEarly } from './features/auth/create-auth-controller.ts';
import { t } from './i18n/index.ts';
import { applyStoredTheme } from './lib/theme.ts';
import './styles.css';

/** A promise React's `use` reads without suspending: the `status`/`value` fields React itself sets on a settled thenable. */
function fulfilled<T>(value: T): Promise<T> {
  return Object.assign(Promise.resolve(value), { status: 'fulfilled', value });
}

const load = loadConfig({
  buildConfig: __BUILD_CONFIG__,
  configUrl: `${import.meta.env.BASE_URL}config.json`,
  origin: window.location.origin,
  // Read by public/config-read.js as the page loaded, if that script ran (see index.html); else fetched here.
  early: earlyConfigRead((window as { __agentConsoleConfigRead?: unknown }).__agentConsoleConfigRead),
});
// The sign-in callback does not wait for React: the code exchange starts the moment the configuration is known.
const early = load.then((loaded) => {
  try {
    if (loaded.result.ok) startCallbackEarly(loaded.result.config);
  } catch {
    // Then the app starts the callback itself once rendered, and shows what fails there.
  }
  return loaded;
});

// Before anything is drawn: a stored light/dark choice applies to the first paint (the page's CSP allows no inline script).
applyStoredTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Plain DOM until config.json is read: a Suspense fallback would hold the app back for React's 300 ms reveal throttle.
const loading = document.createElement('p');
loading.className = 'loading';
loading.textContent = t('app.loading');
root.replaceChildren(loading);
// A load that fails is rendered as it is: the app's error boundary explains it.
void early
  .then(
    (loaded): { settled: Promise<LoadedConfig> } => ({ settled: fulfilled(loaded) }),
    () => ({ settled: early }),
  )
  .then(({ settled }) => {
    createRoot(root).render(
      <StrictMode>
        <App load={settled} />
      </StrictMode>,
    );
  });

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { loadConfig } from './config/load-config.ts';
import { applyStoredTheme } from './lib/theme.ts';
import './styles.css';

const load = loadConfig({
  buildConfig: __BUILD_CONFIG__,
  configUrl: `${import.meta.env.BASE_URL}config.json`,
  origin: window.location.origin,
});
// Before anything is drawn: a stored light/dark choice applies to the first paint (the page's CSP allows no inline script).
applyStoredTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App load={load} />
  </StrictMode>,
);

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { ThemeSwitcher } from '../components/theme-switcher.tsx';
import { useConfig } from '../config/config-context.ts';
import { AuthProvider } from '../features/auth/auth-context.tsx';
import { AuthControls } from '../features/auth/components/auth-controls.tsx';
import { callbackPathOf, createAuthController } from '../features/auth/create-auth-controller.ts';
import { DEBUGGER_PATH } from '../features/debugger/debugger-path.ts';
import { t } from '../i18n/index.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { focusIsAdrift } from '../lib/focus.ts';
import { followLink, usePathname } from '../lib/navigation.ts';
import './app-shell.css';

// Requested at the first render that shows it (not on the sign-in callback, see AppShell).
const Workspace = lazy(() => import('./workspace.tsx').then((module) => ({ default: module.Workspace })));

function NavLink({ to, label, current }: { to: string; label: string; current: boolean }) {
  return (
    <a href={to} aria-current={current ? 'page' : undefined} onClick={(event) => followLink(event, to)}>
      {label}
    </a>
  );
}

/** After an in-app page change, focus moves to the new page (not left on a link of the old one); not on first load. */
function useFocusOnPageChange(pathname: string) {
  const main = useRef<HTMLElement>(null);
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // Focus already inside the new page (the message box after a sign-in returns here) stays where it is.
    if (focusIsAdrift() || !main.current?.contains(document.activeElement)) main.current?.focus();
  }, [pathname]);
  return main;
}

export function AppShell() {
  const config = useConfig();
  const [auth] = useState(() => createAuthController(config));
  const pathname = usePathname();
  const onDebugger = pathname === DEBUGGER_PATH;
  // A language switch re-renders the whole console from here; state (draft, conversation, session) stays.
  useLanguage();
  const main = useFocusOnPageChange(pathname);
  // While the sign-in callback exchanges its code, the page is the header alone: the workspace is compiled and
  // rendered once the callback leaves for the console, not while the token response waits for the main thread.
  const onCallback = pathname === callbackPathOf(config);
  return (
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
          <LanguageSwitcher />
          <ThemeSwitcher />
          <AuthControls />
        </header>
        {/* Below the header: a failing page leaves the auth controls, and the session in memory, in place. */}
        <main id="main" ref={main} tabIndex={-1}>
          <ErrorBoundary part="page">
            {onCallback ? (
              <p className="loading">{t('app.loadingPage')}</p>
            ) : (
              <Suspense fallback={<p className="loading">{t('app.loadingPage')}</p>}>
                <Workspace pathname={pathname} onDebugger={onDebugger} />
              </Suspense>
            )}
          </ErrorBoundary>
        </main>
      </div>
    </AuthProvider>
  );
}

import { lazy, Suspense, useMemo } from 'react';
import { useConfig } from '../config/config-context.ts';
import { useAuth, useAuthController } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import type { DebuggerSession } from '../features/debugger/debugger-page.tsx';
import { t } from '../i18n/index.ts';

// jose and the claim explanations load with this page only.
// The page shows once its texts are in the reader's language (the Chinese ones are a chunk of their own).
const DebuggerPage = lazy(() =>
  import('../features/debugger/debugger-page.tsx').then(async (page) => {
    await page.debuggerTextsReady;
    return page;
  }),
);

export function DebuggerRoute() {
  const config = useConfig();
  const controller = useAuthController();
  const user = currentUser(useAuth().state);
  // After the debugger revoked the session's own access token: a new one, or the end of the session.
  const session = useMemo<DebuggerSession>(
    () => ({ renew: async () => (await controller.renew())?.access_token, signOut: () => void controller.signOut() }),
    [controller],
  );
  return (
    <Suspense fallback={<p className="loading">{t('debugger.loading')}</p>}>
      <DebuggerPage
        issuer={config.issuer}
        clientId={config.clientId}
        trustedIssuers={config.trustedIssuers}
        accessToken={user?.access_token}
        idToken={user?.id_token}
        flow={controller.trace}
        session={session}
      />
    </Suspense>
  );
}

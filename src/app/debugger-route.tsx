import { lazy, Suspense } from 'react';
import { useConfig } from '../config/config-context.ts';
import { useAuth, useAuthController } from '../features/auth/auth-context.tsx';
import { currentUser } from '../features/auth/auth-state.ts';
import { t } from '../i18n/index.ts';

// jose and the claim explanations load with this page only.
const DebuggerPage = lazy(() => import('../features/debugger/debugger-page.tsx'));

export function DebuggerRoute() {
  const config = useConfig();
  const controller = useAuthController();
  const user = currentUser(useAuth().state);
  return (
    <Suspense fallback={<p className="loading">{t('debugger.loading')}</p>}>
      <DebuggerPage
        issuer={config.issuer}
        clientId={config.clientId}
        accessToken={user?.access_token}
        idToken={user?.id_token}
        flow={controller.trace}
      />
    </Suspense>
  );
}

import { createContext, type ReactNode, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AuthController } from './auth-controller.ts';
import type { AuthState } from './auth-state.ts';

const AuthContext = createContext<AuthController | null>(null);

export function AuthProvider({ controller, children }: { controller: AuthController; children: ReactNode }) {
  useEffect(() => {
    const detach = controller.attach();
    void controller.start();
    return detach;
  }, [controller]);
  return <AuthContext.Provider value={controller}>{children}</AuthContext.Provider>;
}

export function useAuthController(): AuthController {
  const controller = useContext(AuthContext);
  if (!controller) throw new Error('useAuth must be used inside <AuthProvider>');
  return controller;
}

export function useAuth(): { state: AuthState; signIn: () => void; signOut: () => void } {
  const controller = useAuthController();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  return useMemo(() => ({ state, signIn: () => void controller.signIn(), signOut: () => void controller.signOut() }), [controller, state]);
}

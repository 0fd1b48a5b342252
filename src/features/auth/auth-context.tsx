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
  // The same functions across state changes (a renewal, the start-up restore): components that take only them,
  // such as every message of the conversation, do not render again.
  const actions = useMemo(() => ({ signIn: () => void controller.signIn(), signOut: () => void controller.signOut() }), [controller]);
  return useMemo(() => ({ state, ...actions }), [state, actions]);
}

import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AuthProvider, useAuth } from '../../src/features/auth/auth-context.tsx';
import type { AuthController } from '../../src/features/auth/auth-controller.ts';
import { type AuthState, INITIAL_AUTH_STATE } from '../../src/features/auth/auth-state.ts';

/** A controller whose state the test sets, as a renewal or the start-up restore would. */
function fakeController() {
  let state: AuthState = INITIAL_AUTH_STATE;
  const listeners = new Set<() => void>();
  const controller = {
    getState: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach: () => () => {},
    start: async () => {},
    signIn: async () => {},
    signOut: async () => {},
  };
  const set = (next: AuthState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return { controller: controller as unknown as AuthController, set };
}

describe('useAuth', () => {
  it('hands the same signIn and signOut across state changes, so what takes only them (every message) stays as it is', () => {
    const { controller, set } = fakeController();
    const wrapper = ({ children }: { children: ReactNode }) => <AuthProvider controller={controller}>{children}</AuthProvider>;
    const { result } = renderHook(() => useAuth(), { wrapper });
    const first = result.current;
    act(() => set({ status: 'signed-out' }));
    expect(result.current.state).not.toBe(first.state);
    expect(result.current.signIn).toBe(first.signIn);
    expect(result.current.signOut).toBe(first.signOut);
  });
});

import type { AuthController } from '../features/auth/auth-controller.ts';
import { currentUser } from '../features/auth/auth-state.ts';
import type { AgentAuth } from '../features/chat/api/agent-client.ts';

/** A token this close to expiry is renewed before a call rather than sent to be refused. */
const EXPIRY_MARGIN_MS = 5_000;

export function agentAuthFrom(controller: AuthController): AgentAuth {
  return {
    accessToken: () => controller.accessToken(),
    subject: () => currentUser(controller.getState())?.profile.sub,
    tokenExpired: () => {
      const expiresAt = currentUser(controller.getState())?.expires_at;
      return expiresAt !== undefined && expiresAt * 1000 - Date.now() < EXPIRY_MARGIN_MS;
    },
    renew: async () => (await controller.renew())?.access_token,
    settled: () =>
      new Promise<void>((resolve) => {
        const pending = () => ['starting', 'signing-in'].includes(controller.getState().status);
        if (!pending()) return resolve();
        const unsubscribe = controller.subscribe(() => {
          if (pending()) return;
          unsubscribe();
          resolve();
        });
      }),
  };
}

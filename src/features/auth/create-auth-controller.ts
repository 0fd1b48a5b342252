import { UserManager } from 'oidc-client-ts';
import type { ConsoleConfig } from '../../config/schema.ts';
import { AuthController } from './auth-controller.ts';
import { readCachedDiscovery, saveDiscovery } from './discovery-cache.ts';
import { RedirectNavigator } from './redirect-navigator.ts';
import { userManagerSettings } from './user-manager-settings.ts';

/** Controllers created before React rendered (see startCallbackEarly), handed to the app for the same config. */
const earlyControllers = new WeakMap<ConsoleConfig, AuthController>();

function newAuthController(config: ConsoleConfig): AuthController {
  const siteUrl = new URL(import.meta.env.BASE_URL, window.location.origin).href;
  const cached = readCachedDiscovery(window.sessionStorage, config.issuer);
  const manager = new UserManager(userManagerSettings(config, siteUrl, window.sessionStorage, cached), new RedirectNavigator());
  // One discovery request at a time (the callback traces while it exchanges); what is fetched is kept for the
  // callback page that follows a sign-in.
  const service = manager.metadataService;
  const getMetadata = service.getMetadata.bind(service);
  let inFlight: ReturnType<typeof getMetadata> | undefined;
  service.getMetadata = () => {
    inFlight ??= getMetadata()
      .then((metadata) => {
        if (!cached) saveDiscovery(window.sessionStorage, config.issuer, metadata);
        return metadata;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  return new AuthController({
    manager,
    issuer: config.issuer,
    callbackPath: callbackPathOf(config),
    siteUrl,
  });
}

/** The path the user pool sends the sign-in back to (the configured redirect URI's). */
export function callbackPathOf(config: ConsoleConfig): string {
  return new URL(config.redirectUri).pathname;
}

export function createAuthController(config: ConsoleConfig): AuthController {
  return earlyControllers.get(config) ?? newAuthController(config);
}

/**
 * On the sign-in callback, starts the code exchange as soon as the configuration is known, while React renders.
 * Outside React, so it runs once whatever StrictMode does; the app's AuthProvider gets this controller and its
 * start() is idempotent. Failures end in the controller's state exactly as when React starts it.
 */
export function startCallbackEarly(config: ConsoleConfig) {
  if (window.location.pathname !== callbackPathOf(config) || earlyControllers.has(config)) return;
  const controller = newAuthController(config);
  earlyControllers.set(config, controller);
  void controller.start();
}

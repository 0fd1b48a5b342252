import { UserManager } from 'oidc-client-ts';
import type { ConsoleConfig } from '../../config/schema.ts';
import { AuthController } from './auth-controller.ts';
import { userManagerSettings } from './user-manager-settings.ts';

export function createAuthController(config: ConsoleConfig): AuthController {
  const siteUrl = new URL(import.meta.env.BASE_URL, window.location.origin).href;
  const manager = new UserManager(userManagerSettings(config, siteUrl, window.sessionStorage));
  return new AuthController({
    manager,
    issuer: config.issuer,
    callbackPath: new URL(config.redirectUri).pathname,
    siteUrl,
  });
}

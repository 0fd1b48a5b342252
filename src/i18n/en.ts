import type { enSetup } from './en-setup.ts';
import type { enWorkspace } from './en-workspace.ts';

/**
 * The English texts of the first page: the header, the sign-in state, error boundaries. The rest of the
 * catalogue comes with the code that shows it (en-workspace.ts with the chat and the token panel, en-setup.ts
 * with the setup screen), so the first page does not carry it. Keys are stable; `{name}` marks a value
 * filled in at run time.
 */
export const en = {
  'app.title': 'Agent Console',
  'app.loading': 'Loading configuration…',
  'app.loadingPage': 'Loading…',

  'config.secretIgnored':
    'OAUTH2_CLIENT_SECRET in config.json is ignored: a browser app must use a public client with PKCE. Remove it from the server.',

  'header.agent': 'Agent: {name}',
  'header.nav': 'Pages',

  'nav.console': 'Console',
  'nav.debugger': 'Debugger',

  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.status.starting': 'Checking for a session…',
  'auth.status.signedOut': 'Signed out',
  'auth.status.signingIn': 'Signing in…',
  'auth.status.signedIn': 'Signed in as {name}',
  'auth.status.renewing': 'Signed in as {name} · renewing…',
  'auth.status.expired': 'Session expired',
  'auth.status.error': 'Sign-in failed',

  'boundary.failed': '{part} failed: {message}',
  'boundary.newVersion': '{part} could not be loaded: a new version of the console was deployed. Reload to get it.',
  'boundary.retry': 'Try again',
  'boundary.reload': 'Reload',
  'boundary.part.console': 'The console',
  'boundary.part.page': 'This page',

  'theme.label': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',

  'language.label': 'Language',
} as const;

/** Every English text, whichever chunk it ships in: what a translation must cover. */
export type English = typeof en & typeof enWorkspace & typeof enSetup;
export type MessageKey = keyof English;
export type Catalogue = Record<MessageKey, string>;

/** The English catalogue: every string a user reads. Keys are stable; `{name}` marks a value filled in at run time. */
export const en = {
  'app.title': 'Agent Console',
  'app.loading': 'Loading configuration…',
  'app.skipToContent': 'Skip to content',

  'setup.title': 'Set up Agent Console',
  'setup.intro': 'The console cannot start until its configuration is complete. Fix the items below, then reload.',
  'setup.howTo':
    'Set the keys in .env before `npm run dev` or `npm run build`, or put them in config.json next to index.html on the server (config.json wins).',
  'setup.reload': 'Reload',
  'setup.example': 'Example config.json',
  'setup.openHere': 'Open the console at {url}',

  'config.missing': '{key} is missing.',
  'config.notString': '{key} must be a string.',
  'config.notUrl': '{key} must be an absolute http(s) URL, got "{value}".',
  'config.insecure': '{key} must use https (plain http is only allowed for 127.0.0.1 and localhost), got "{value}".',
  'config.issuerExtras': '{key} must not contain a query or a fragment, got "{value}".',
  'config.endpointForm': '{key} must be an absolute http(s) URL or a path on this site starting with "/", got "{value}".',
  'config.noOpenid': '{key} must include the scope "openid", got "{value}".',
  'config.redirectOrigin':
    "{key} ({value}) is not on the origin of this page ({origin}): the user pool would send the sign-in result elsewhere. Open the console on the redirect URI's origin, or set {key} to {origin}/callback and allow it in the client.",
  'config.fileUnreachable': 'config.json could not be loaded ({detail}).',
  'config.fileStatus': 'config.json answered HTTP {status}.',
  'config.fileMalformed': 'config.json is not valid JSON: {detail}.',
  'config.fileNotObject': 'config.json must hold a JSON object of keys and values.',
  'config.secretIgnored':
    'OAUTH2_CLIENT_SECRET in config.json is ignored: a browser app must use a public client with PKCE. Remove it from the server.',

  'hint.OAUTH2_ISSUER_URI': 'Copy the user pool issuer from the console, e.g. https://userpool-<id>.userpool.auth.id.<region>.volces.com.',
  'hint.OAUTH2_CLIENT_ID': 'Use the client ID of a single-page application (public) client of the user pool.',
  'hint.AGENT_ENDPOINT': 'Use the AgentKit Runtime endpoint, or a path on this site that forwards to it (e.g. /agent).',
  'hint.default': 'Set it in .env or config.json.',

  'header.agent': 'Agent: {name}',
  'header.nav': 'Pages',
  'home.intro': 'Sign in with the user pool to talk to {agent}.',

  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.status.starting': 'Checking for a session…',
  'auth.status.signedOut': 'Signed out',
  'auth.status.signingIn': 'Signing in…',
  'auth.status.signedIn': 'Signed in as {name}',
  'auth.status.renewing': 'Signed in as {name} · renewing…',
  'auth.status.expired': 'Session expired',
  'auth.status.error': 'Sign-in failed',
  'auth.expiredTitle': 'Your session expired and could not be renewed.',
  'auth.expiredHint': 'Sign in again; what you typed is kept.',
  'auth.errorTitle': 'Sign-in did not complete.',
  'auth.failure.noState':
    'The sign-in response has no "state", so it cannot be matched to a sign-in started here. Start again with "Sign in".',
  'auth.failure.unknownState':
    'This sign-in response does not match a sign-in started in this tab: it was already used (Back or reload), was started in another browser, or is forged. Start again with "Sign in".',
  'auth.failure.accessDenied':
    'Access was denied at the user pool{description}. Sign in again and choose "Allow access", or ask the pool administrator for access.',
  'auth.failure.loginRequired': 'The user pool needs you to sign in again ({error}).',
  'auth.failure.codeRejected':
    "The user pool refused the authorization code (invalid_grant{description}): it was already used, expired, or does not match this browser's PKCE verifier. Sign in again.",
  'auth.failure.poolError':
    'The user pool answered "{error}"{description}. Check the client settings in the user pool (callback URLs, grant types, scopes).',
  'auth.failure.unreachable': 'Could not reach the user pool{url}. Check OAUTH2_ISSUER_URI, the network and that the pool is up.',
  'auth.failure.cors':
    "The user pool answered at {url}, but the browser may not read the answer (CORS). Add {origin} to the client's allowed web origins (CORS) in the user pool.",
  'auth.failure.timeout': 'The user pool did not answer in time. Try again.',
  'auth.failure.clockSkew':
    "This device's clock is about {minutes} min behind the user pool: the ID token looks issued in the future. Set the clock right (automatic time), then sign in again.",
  'auth.failure.unknown': 'Sign-in failed: {detail}',

  'token.title': 'Token',
  'token.tabs': 'Tokens',
  'token.access': 'Access token',
  'token.id': 'ID token',
  'token.claimsLabel': 'Token claims',
  'token.idClaimsLabel': 'ID token claims',
  'token.claim': 'Claim',
  'token.value': 'Value',
  'token.expiresIn': 'Expires in {time}',
  'token.expired': 'Expired {time} ago',
  'token.reveal': 'Reveal token',
  'token.hide': 'Hide token',
  'token.copy': 'Copy token',
  'token.copied': 'Copied',
  'token.opaque': "This token is not a JWT (opaque), so it has no claims to show. The agent's custom_jwt check needs a JWT.",
  'token.none': 'The pool sent no ID token.',
  'time.in': 'in {span}',
  'time.ago': '{span} ago',
  'time.now': 'now',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

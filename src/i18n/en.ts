/** The English catalogue: every string a user reads. Keys are stable; `{name}` marks a value filled in at run time. */
export const en = {
  'app.title': 'Agent Console',
  'app.loading': 'Loading configuration…',

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
  'nav.console': 'Console',
  'nav.debugger': 'Debugger',
  'debugger.loading': 'Loading the debugger…',

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
    'Access was denied at the user pool. Sign in again and choose "Allow access", or ask the pool administrator for access.',
  'auth.failure.accessDeniedBecause':
    'Access was denied at the user pool: {description}. Sign in again and choose "Allow access", or ask the pool administrator for access.',
  'auth.failure.loginRequired': 'The user pool needs you to sign in again ({error}).',
  'auth.failure.codeRejected':
    "The user pool refused the authorization code (invalid_grant): it was already used, expired, or does not match this browser's PKCE verifier. Sign in again.",
  'auth.failure.codeRejectedBecause':
    "The user pool refused the authorization code (invalid_grant: {description}): it was already used, expired, or does not match this browser's PKCE verifier. Sign in again.",
  'auth.failure.poolError':
    'The user pool answered "{error}". Check the client settings in the user pool (callback URLs, grant types, scopes).',
  'auth.failure.poolErrorBecause':
    'The user pool answered "{error}": {description}. Check the client settings in the user pool (callback URLs, grant types, scopes).',
  'auth.failure.unreachable': 'Could not reach the user pool. Check OAUTH2_ISSUER_URI, the network and that the pool is up.',
  'auth.failure.unreachableAt': 'Could not reach the user pool at {url}. Check OAUTH2_ISSUER_URI, the network and that the pool is up.',
  'auth.failure.cors':
    "The user pool answered at {url}, but the browser may not read the answer (CORS). Add {origin} to the client's allowed web origins (CORS) in the user pool.",
  'auth.failure.timeout': 'The user pool did not answer within {seconds} s. Check that it is up, then try again.',
  'auth.failure.clockSkew':
    "This device's clock is about {minutes} min behind the user pool: the ID token looks issued in the future. Set the clock right (automatic time), then sign in again.",
  'auth.failure.unknown': 'Sign-in failed: {detail}',

  'token.title': 'Token',
  'token.signedOut':
    'Sign in to see your access token here: its claims, when it expires, and what the agent’s custom_jwt check looks at (iss, client_id, exp). The Debugger takes any other token.',
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
  'chat.title': 'Conversation with {agent}',
  'chat.log': 'Conversation',
  'chat.empty': 'No messages yet. Ask {agent} something; try /help for what the local agent can do.',
  'chat.message': 'Message',
  'chat.placeholder': 'Message {agent}… (Enter sends, Shift+Enter adds a line)',
  'chat.send': 'Send',
  'chat.stop': 'Stop',
  'chat.newConversation': 'New conversation',
  'chat.session': 'Session {id}',
  'chat.you': 'You',
  'chat.thinking': 'Waiting for the agent…',
  'chat.stopped': 'Stopped: the answer above is partial.',
  'chat.toolCall': 'Called {name}',
  'chat.toolResult': 'Result of {name}',
  'chat.copyCode': 'Copy code',
  'chat.copied': 'Copied',
  'chat.retryIn': 'You can send again in {seconds} s.',
  'chat.openDebugger': 'Check the token in the debugger',

  'agent.error.unauthorized': '{status} Unauthorized: the agent only answers signed-in users. Sign in, then send your message again.',
  'agent.error.rejected':
    'The agent no longer accepts your session ({status}). The console renewed the token once and the agent refused it again; sign in again, your message is kept.',
  'agent.error.rejectedBecause':
    'The agent no longer accepts your session ({status}): {description}. The console renewed the token once and the agent refused it again; sign in again, your message is kept.',
  'agent.error.badRequest': 'The agent rejected the request (400 BadRequest).',
  'agent.error.badRequestDetail': 'The agent rejected the request (400 BadRequest): {detail}.',
  'agent.error.notFound': 'No agent entrypoint at {url} (404). Check AGENT_ENDPOINT.',
  'agent.error.rateLimited': 'The agent is rate-limited (429 Too Many Requests). Try again in {seconds} s.',
  'agent.error.server': 'The agent failed ({status} {type}).',
  'agent.error.serverDetail': 'The agent failed ({status} {type}): {detail}.',
  'agent.error.proxy':
    'The agent, or the proxy in front of it, failed with HTTP {status} and no AgentKit error body. If AGENT_ENDPOINT is a path on this site, check that the agent behind the proxy is running.',
  'agent.error.proxyDetail':
    'The agent, or the proxy in front of it, failed with HTTP {status} and no AgentKit error body: {detail}. If AGENT_ENDPOINT is a path on this site, check that the agent behind the proxy is running.',
  'agent.error.http': 'The agent answered HTTP {status}.',
  'agent.error.httpDetail': 'The agent answered HTTP {status}: {detail}.',
  'agent.error.network': 'Could not reach the agent at {url} (network error: the agent or the proxy is down, or the address is wrong).',
  'agent.error.cors':
    'The browser blocked the call to {url} (CORS): the agent does not allow the origin {origin}. Use a relative AGENT_ENDPOINT behind a proxy (see the README), or allow this origin at the agent.',
  'agent.error.offline': 'You are offline. Reconnect, then send again.',
  'agent.error.timeout': 'The agent did not answer within {seconds} s (time-out).',
  'agent.error.streamBroken': 'The answer stream broke off: {detail}.',
  'agent.error.streamError': 'The agent failed while answering: {message}',
  'agent.error.streamErrorTyped': 'The agent failed while answering ({type}): {message}',

  'calls.title': 'Calls',
  'calls.table': 'Call log',
  'calls.empty': 'No calls yet.',
  'calls.time': 'Time',
  'calls.status': 'Status',
  'calls.latency': 'Latency',
  'calls.bytes': 'Bytes',
  'calls.mode': 'Mode',
  'calls.as': 'As',
  'calls.streamed': 'stream',
  'calls.json': 'JSON',
  'calls.anonymous': 'signed out',
  'calls.pending': 'pending',
  'calls.stopped': 'stopped',
  'calls.network': 'no answer',
  'calls.replay': 'replay',

  'time.in': 'in {span}',
  'time.ago': '{span} ago',

  'chat.imageLink': 'Image: {alt} ({host})',
  'chat.imageRemoved': '[image removed: {alt}]',
  'chat.copyFailed': 'Could not copy',
  'agent.error.frameTooLarge': 'The answer stream broke off: one event was larger than {mib} MiB, so the console stopped the call.',
  'agent.error.answerTooLarge': 'The answer was cut at {mib} MiB: the console stopped the call there, so the text above is partial.',
  'agent.error.redirect':
    'The agent endpoint {url} answered with a redirect; the console does not follow redirects for /invoke, so your prompt and token are not sent elsewhere. Point AGENT_ENDPOINT at the final address.',
  'outbound.card': 'Authorization request from {host}',
  'outbound.cardNoHost': 'Authorization request',
  'outbound.title': 'Authorization required',
  'outbound.asks': 'The agent needs your consent to use a service at {host} on your behalf.',
  'outbound.provider': 'Provider: {provider}',
  'outbound.scopes': 'Access asked for: {scopes}',
  'outbound.authorize': 'Authorize',
  'outbound.opens': 'Opens {host} in a popup window. Your sign-in to this console is not shared with it.',
  'outbound.popupBlocked': 'Your browser blocked the popup window. Open the consent page at {host} in a new tab instead:',
  'outbound.waiting': 'Waiting for authorization…',
  'outbound.authorized': 'Authorized',
  'outbound.ended': 'Not authorized: the answer ended before the agent got your consent. After authorizing, ask again.',
  'outbound.failed': 'Not authorized: the answer failed or timed out while waiting (see below).',
  'outbound.stopped': 'Not authorized: stopped while waiting for your consent.',
  'outbound.refused.missing': 'Refused: the agent sent no address for the consent page, so there is nothing to open.',
  'outbound.refused.malformed': 'Refused: the consent page address is not a valid absolute URL: “{shown}”.',
  'outbound.refused.scheme':
    'Refused: the consent page address uses {scheme}; only https (or http on this computer) may be opened: “{shown}”.',
  'outbound.refused.insecure':
    'Refused: the consent page address uses plain http on {host}; only https (or http on this computer) may be opened.',
  'calls.authWaited': 'waited {seconds} s for authorization',
  'calls.authWaitedNotGiven': 'waited {seconds} s for authorization, not given',
  'calls.authWaiting': 'waiting for authorization',
  // hardening: chat output and agent calls (add keys above this line)
  'config.unsafeCharacters':
    '{key} contains a control character (tab, line break, …) or a backslash, got "{value}": browsers read such a URL differently than it looks ("/\\evil.com" leads to evil.com). Remove them.',
  'config.endpointOrigin':
    '{key} "{value}" starts with "/" but leads to {resolved}, not to this site ({origin}), and the access token would be sent there. Use a path on this site such as /agent, or the agent’s absolute https URL.',
  'config.redirectReserved':
    '{key} ({value}) uses the path {path}, which the console needs for another page (the main page, the debugger or silent renewal): a sign-in return there would take that page over. Set {key} to {origin}/callback and allow it in the client.',
  'config.fileTimeout': 'config.json did not answer within {seconds} s. Check that the server serves it, then reload.',
  'boundary.failed': '{part} failed: {message}',
  'boundary.newVersion': '{part} could not be loaded: a new version of the console was deployed. Reload to get it.',
  'boundary.retry': 'Try again',
  'boundary.reload': 'Reload',
  'boundary.part.console': 'The console',
  'boundary.part.page': 'This page',
  'boundary.part.chat': 'The chat',
  'boundary.part.token': 'The token panel',
  'boundary.part.callLog': 'The call log',
  'boundary.part.debugger': 'The debugger',
  'boundary.part.decoded': 'The decoded token',
  'boundary.part.signature': 'The signature check',
  'boundary.part.verdict': 'The runtime verdict',
  'boundary.part.flow': 'The sign-in flow panel',
  'boundary.part.markdown': 'The answer formatting',
  'token.invalidTime': 'not a valid time',
  'token.copyFailed': 'Could not copy',
  // hardening: configuration and error boundaries (add keys above this line)
  'chat.draftNotStored':
    'Browser storage is full: your draft is kept in this tab only and will be lost on reload or sign-in. Copy it somewhere safe.',
  'chat.droppedOlder':
    '{count} older messages of this conversation were not kept: the copy saved in this tab holds the newest ones within the browser’s storage limit.',
  // hardening: sessions (add keys above this line)
  'theme.label': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'copy.copied': 'Copied',
  'copy.failed': 'Could not copy',
  'chat.announce.done': '{agent} answered: {text}',
  'chat.announce.stopped': 'Stopped. {agent} answered in part: {text}',
  'chat.announce.failed': '{agent} failed: {text}',
  // issue 10: theme and accessibility (add keys above this line)
  'language.label': 'Language',
  // issue 10: language (add keys above this line)
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

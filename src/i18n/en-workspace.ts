/** English texts of the chat, the token panel, the call log and sign-in failures: they ship with the workspace chunk. */
export const enWorkspace = {
  'boundary.part.chat': 'The chat',
  'boundary.part.token': 'The token panel',
  'boundary.part.callLog': 'The call log',
  'boundary.part.debugger': 'The debugger',
  'boundary.part.decoded': 'The decoded token',
  'boundary.part.signature': 'The signature check',
  'boundary.part.verdict': 'The runtime verdict',
  'boundary.part.flow': 'The sign-in flow panel',
  'boundary.part.markdown': 'The answer formatting',
  'boundary.part.log': 'The conversation',

  'debugger.loading': 'Loading the debugger…',

  'auth.expiredTitle': 'Your session expired and could not be renewed.',
  'auth.expiredHint': 'Sign in again; what you typed is kept.',
  'auth.renewalFailedTitle': 'Your session could not be renewed.',
  'auth.renewalRetry': 'Trying again in {seconds} s; you stay signed in until {time}.',
  'auth.renewalNoRetry': 'You stay signed in until {time}; sign in again then (what you typed is kept).',
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
  'auth.failure.csp':
    "This page's Content-Security-Policy blocked the request to {url}: it was stamped for another configuration than config.json (or the host sends an older Content-Security-Policy header), so the pool may well be up. Run `{command}` on the folder you deployed, send the header it prints, then reload.",
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
  'agent.error.csp':
    "This page's Content-Security-Policy blocked the call to {url}: it was stamped for another configuration than config.json (or the host sends an older Content-Security-Policy header). Run `{command}` on the folder you deployed, send the header it prints, then reload.",
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
  'chat.export': 'Export',
  'chat.exportMarkdown': 'Markdown',
  'chat.exportJson': 'JSON',
  'chat.events': 'Events ({count})',
  'events.loading': 'Loading the events…',
  'events.notKept': 'This answer had {count} events; their raw form is kept in this tab only while it stays open, not after a reload.',
  'events.usage': 'Tokens used: {prompt} prompt, {output} output, {total} in all.',
  'events.noUsage': 'The agent sent no token usage (usageMetadata) for this answer.',
  'events.caption': 'Raw events of this answer',
  'events.author': 'Author',
  'events.kind': 'Partial or final',
  'events.partial': 'partial',
  'events.final': 'final',
  'events.contents': 'Contents',
  'events.details': 'Details',
  'events.raw': 'Raw',
  'events.json': 'JSON',
  'events.more': 'Show {count} more ({left} not shown)',
  'events.tooMany': 'The first {kept} events are kept; {count} later ones were counted, not kept.',
  'chat.limit.size': 'Shown as plain text: one block of this answer is longer than {chars} characters (code blocks excepted).',
  'chat.limit.nesting': 'Shown as plain text: quotes or lists here are nested deeper than {levels} levels.',
  'chat.limit.emphasis': 'Shown as plain text: this part has more emphasis marks (*, _, ~) than {runs}.',
  'chat.limit.failed': 'Shown as plain text: this part could not be formatted.',
  'chat.moreParts': '…and {count} more tool calls, results or JSON blocks, not shown (an answer shows {limit} at most).',
  'chat.messageFailed': 'This answer could not be shown: {message}',
  'chat.messageRaw': 'Show the raw answer',

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
  'outbound.popupBlocked': 'If your browser blocked the popup window, open the consent page at {host} in a new tab instead:',
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
    'Refused: the consent page address uses plain http on {host}; only https may be opened (http only on this computer, when this console’s user pool or agent runs on it too).',
  'outbound.refused.ownOrigin':
    'Refused: the consent page address is on this console’s own origin ({host}), where it would run as the console: “{shown}”.',

  'calls.authWaited': 'waited {seconds} s for authorization',
  'calls.authWaitedNotGiven': 'waited {seconds} s for authorization, not given',
  'calls.authWaiting': 'waiting for authorization',

  'token.invalidTime': 'not a valid time',
  'token.copyFailed': 'Could not copy',

  'chat.draftNotStored':
    'Browser storage is full: your draft is kept in this tab only and will be lost on reload or sign-in. Copy it somewhere safe.',
  'chat.droppedOlder':
    '{count} older messages of this conversation were not kept: the copy saved in this tab holds the newest ones within the browser’s storage limit.',

  'copy.copied': 'Copied',
  'copy.failed': 'Could not copy',

  'chat.announce.done': '{agent} answered: {text}',
  'chat.announce.stopped': 'Stopped. {agent} answered in part: {text}',
  'chat.announce.failed': '{agent} failed: {text}',
} as const;

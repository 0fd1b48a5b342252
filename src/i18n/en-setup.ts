/** English texts of the setup screen (a console whose configuration is incomplete): they ship with it. */
export const enSetup = {
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

  'hint.OAUTH2_ISSUER_URI': 'Copy the user pool issuer from the console, e.g. https://userpool-<id>.userpool.auth.id.<region>.volces.com.',
  'hint.OAUTH2_CLIENT_ID': 'Use the client ID of a single-page application (public) client of the user pool.',
  'hint.AGENT_ENDPOINT': 'Use the AgentKit Runtime endpoint, or a path on this site that forwards to it (e.g. /agent).',
  'hint.default': 'Set it in .env or config.json.',

  'config.unsafeCharacters':
    '{key} contains a control character (tab, line break, …) or a backslash, got "{value}": browsers read such a URL differently than it looks ("/\\evil.com" leads to evil.com). Remove them.',
  'config.endpointOrigin':
    '{key} "{value}" starts with "/" but leads to {resolved}, not to this site ({origin}), and the access token would be sent there. Use a path on this site such as /agent, or the agent’s absolute https URL.',
  'config.redirectReserved':
    '{key} ({value}) uses the path {path}, which the console needs for another page (the main page, the debugger or silent renewal): a sign-in return there would take that page over. Set {key} to {origin}/callback and allow it in the client.',
  'config.fileTimeout': 'config.json did not answer within {seconds} s. Check that the server serves it, then reload.',
  'config.trustedIssuer': '{key} must list issuer URLs (https) separated by commas or spaces; "{value}" is not one.',
  'config.policyStale':
    "{key} names {origin}, but this page's Content-Security-Policy does not allow it ({directives}): config.json changed after the policy was stamped, so the browser would block the console's requests there. Run `{command}` on the folder you deployed (and send the header it prints, if your host sends one), then reload.",
} as const;

import { DEBUGGER_PATH } from './debugger-path.ts';
import type { RuntimeSettings } from './runtime-verdict.ts';

export { DEBUGGER_PATH };

export type TokenChoice = 'access' | 'id';

/** What only an in-app link can carry (history.state): anyone can write a query string, no other site can set this. */
export interface DebuggerLinkState {
  debuggerReason: string;
}

const MAX_REASON_CHARS = 300;

function reasonFrom(historyState: unknown): string | undefined {
  if (typeof historyState !== 'object' || historyState === null || !Object.hasOwn(historyState, 'debuggerReason')) return undefined;
  const reason = (historyState as DebuggerLinkState).debuggerReason;
  return typeof reason === 'string' && reason ? reason.slice(0, MAX_REASON_CHARS) : undefined;
}

/**
 * Runtime settings and which current token to load live in the query string; a token itself never does.
 * The agent's refusal reason comes only from `historyState`: a `reason` in a shared link is ignored.
 */
export function readDebuggerQuery(
  search: string,
  defaults: RuntimeSettings,
  historyState?: unknown,
): { settings: RuntimeSettings; gatewayClients?: string[]; take?: TokenChoice; reason?: string } {
  const query = new URLSearchParams(search);
  const clients = query.get('clients');
  const gatewayClients = query.get('gateway_clients');
  const take = query.get('token');
  const reason = reasonFrom(historyState);
  return {
    settings: {
      discoveryUrl: query.get('discovery') || defaults.discoveryUrl,
      allowedClients: clients === null ? defaults.allowedClients : splitClients(clients),
    },
    ...(gatewayClients !== null ? { gatewayClients: splitClients(gatewayClients) } : {}),
    ...(take === 'access' || take === 'id' ? { take } : {}),
    ...(reason ? { reason } : {}),
  };
}

export function splitClients(text: string): string[] {
  return text
    .split(',')
    .map((client) => client.trim())
    .filter(Boolean);
}

/**
 * The settings as a query string; a refusal reason never goes here (see `debuggerLink`). The gateway's allowed
 * clients go in only when they are not the runtime's.
 */
export function debuggerSearch(settings: RuntimeSettings, take?: TokenChoice, gatewayClients?: string[]): string {
  const query = new URLSearchParams({ discovery: settings.discoveryUrl, clients: settings.allowedClients.join(',') });
  if (gatewayClients) query.set('gateway_clients', gatewayClients.join(','));
  if (take) query.set('token', take);
  return `?${query.toString()}`;
}

/** An in-app link to the debugger; `reason` is the runtime's error_description of a refused call, carried in `state`. */
export function debuggerLink(
  settings: RuntimeSettings,
  take?: TokenChoice,
  reason?: string,
): { href: string; state: DebuggerLinkState | null } {
  return {
    href: `${DEBUGGER_PATH}${debuggerSearch(settings, take)}`,
    state: reason ? { debuggerReason: reason.slice(0, MAX_REASON_CHARS) } : null,
  };
}

import type { RuntimeSettings } from './runtime-verdict.ts';

export const DEBUGGER_PATH = '/debugger';

export type TokenChoice = 'access' | 'id';

/** Runtime settings and which current token to load live in the query string; a token itself never does. */
export function readDebuggerQuery(
  search: string,
  defaults: RuntimeSettings,
): { settings: RuntimeSettings; take?: TokenChoice; reason?: string } {
  const query = new URLSearchParams(search);
  const clients = query.get('clients');
  const take = query.get('token');
  const reason = query.get('reason')?.slice(0, 300);
  return {
    settings: {
      discoveryUrl: query.get('discovery') || defaults.discoveryUrl,
      allowedClients: clients === null ? defaults.allowedClients : splitClients(clients),
    },
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

/** `reason` is the runtime's error_description of a refused call, so the debugger can point at that check. */
export function debuggerSearch(settings: RuntimeSettings, take?: TokenChoice, reason?: string): string {
  const query = new URLSearchParams({ discovery: settings.discoveryUrl, clients: settings.allowedClients.join(',') });
  if (take) query.set('token', take);
  if (reason) query.set('reason', reason);
  return `?${query.toString()}`;
}

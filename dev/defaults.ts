/** Ports and identities of the local stack; one place so the console, the pool and the agent agree. */
export const DEFAULT_CONSOLE_PORT = 8082;
export const DEFAULT_USERPOOL_PORT = 8083;
export const DEFAULT_AGENT_PORT = 8000;
export const LOCAL_CLIENT_ID = 'agent-console';
/** A second registered public client, so tests can hold a valid token of a client the agent does not allow. */
export const LOCAL_PARTNER_CLIENT_ID = 'partner-app';
export const TEN_HOURS_IN_SECONDS = 36_000;

export function readPort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${value}"`);
  }
  return port;
}

export function readSeconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new Error(`${name} must be a whole number of seconds (1 or more), got "${value}"`);
  }
  return seconds;
}

export function readList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

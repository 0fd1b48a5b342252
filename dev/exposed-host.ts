/** Hosts only this computer can reach: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

const REACH: Record<'user pool' | 'agent', string> = {
  'user pool': 'anyone who can reach it can sign in as the demo users, whose passwords are public (they are in the README)',
  agent:
    'anyone who can reach it can call it with a token of the local user pool, whose demo passwords are public (they are in the README)',
};

/**
 * The local pool and agent are for development: on any other address than loopback (0.0.0.0, a LAN address) the
 * demo users are open to the network. Undefined when the host is loopback.
 */
export function exposedHostWarning(host: string, server: 'user pool' | 'agent'): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return `⚠  The local ${server} listens on ${host}, not only on this computer: ${REACH[server]}. Use it for development only, and on 127.0.0.1 unless another machine must reach it.`;
}

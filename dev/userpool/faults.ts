import type { IncomingMessage } from 'node:http';

/** The pool's endpoints, by the name a fault mode uses for them. */
const ROUTES: Record<string, string> = {
  '/.well-known/openid-configuration': 'discovery',
  '/authorize': 'authorize',
  '/oauth/token': 'token',
  '/keys': 'keys',
  '/userinfo': 'userinfo',
  '/oauth/revoke': 'revocation',
  '/logout': 'logout',
};
const ROUTE_NAMES = new Set(Object.values(ROUTES));

/**
 * Ways the local pool misbehaves on purpose, to test a console against a slow or hung pool. Mutable at run time
 * (tests hold the object) and set at start by USERPOOL_FAULTS, e.g. "slow-token:3000,hang:revocation".
 */
export interface PoolFaults {
  /** Hold each token endpoint answer this long after the pool has processed the request (tokens already minted). */
  slowTokenMs: number;
  /** Endpoints that accept the connection and never answer. */
  hang: Set<string>;
  /** Endpoints that answer 401 with an OAuth error (some pools refuse revocation for public clients). */
  refuse: Set<string>;
}

export function noFaults(): PoolFaults {
  return { slowTokenMs: 0, hang: new Set(), refuse: new Set() };
}

export function parseFaults(value: string | undefined): PoolFaults {
  const faults = noFaults();
  for (const item of (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [mode, argument = ''] = item.split(':');
    if (mode === 'slow-token' && Number.isInteger(Number(argument)) && Number(argument) > 0) faults.slowTokenMs = Number(argument);
    else if ((mode === 'hang' || mode === 'refuse') && ROUTE_NAMES.has(argument)) faults[mode].add(argument);
    else {
      throw new Error(
        `USERPOOL_FAULTS: unknown fault "${item}"; use slow-token:<ms>, hang:<endpoint> or refuse:<endpoint> with an endpoint among ${[...ROUTE_NAMES].join(', ')}`,
      );
    }
  }
  return faults;
}

export function routeName(path: string): string | undefined {
  return ROUTES[path];
}

/** Resolves when the client gives up on the request: a hung endpoint holds the connection until then. */
export function untilClosed(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => request.socket.once('close', () => resolve()));
}

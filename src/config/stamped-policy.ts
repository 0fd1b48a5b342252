import type { ConfigKey, ConfigProblem, ConsoleConfig } from './schema.ts';

/**
 * The Content-Security-Policy that the build or `npm run csp` stamped into index.html (dev/csp-html.ts) names
 * the pool, the agent and the trusted issuers of the configuration it was stamped for. A config.json written
 * afterwards may name others: the browser would then block the console's own requests, which look like a pool
 * or an agent that is down. The page reads its own policy to tell.
 */

/** What an operator runs after writing config.json (dev/csp-cli.ts). */
export const RESTAMP_COMMAND = 'npm run csp -- dist';

export type PolicyDirective = 'connect-src' | 'frame-src';

/** The policy in index.html's <meta>, or undefined where none is stamped (the dev server, the unit tests). */
export function stampedPolicy(doc: Document | undefined = globalThis.document): string | undefined {
  return doc?.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? undefined;
}

/**
 * Whether `policy` lets the page fetch (connect-src) or frame (frame-src) `url`. Reads the source expressions
 * dev/csp.ts writes ('self', origins, `http://127.0.0.1:*`) and the plain ones a host may add (`*`, `https:`).
 */
export function policyAllows(policy: string, directive: PolicyDirective, url: string, pageOrigin: string): boolean {
  const lists = new Map(
    policy
      .split(';')
      .map((part) => part.trim().toLowerCase().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
  const sources = lists.get(directive) ?? lists.get('default-src');
  const { origin, protocol } = new URL(url, pageOrigin);
  return (
    !sources ||
    sources.some(
      (source) =>
        source === origin ||
        source === '*' ||
        source === protocol ||
        (source === "'self'" && origin === pageOrigin) ||
        (source.endsWith(':*') && origin.startsWith(source.slice(0, -1)) && /^\d+$/.test(origin.slice(source.length - 1))),
    )
  );
}

/** One problem per configured origin the stamped policy does not allow; none where no policy is stamped. */
export function policyDrift(config: ConsoleConfig, policy: string | undefined, pageOrigin: string): ConfigProblem[] {
  if (!policy) return [];
  const needs: [ConfigKey, string, PolicyDirective[]][] = [
    ['OAUTH2_ISSUER_URI', config.issuer, ['connect-src', 'frame-src']],
    ['AGENT_ENDPOINT', config.agentEndpoint, ['connect-src']],
    ...(config.trustedIssuers ?? []).map((issuer): [ConfigKey, string, PolicyDirective[]] => ['TRUSTED_ISSUERS', issuer, ['connect-src']]),
  ];
  return needs.flatMap(([key, url, directives]) => {
    const blocked = directives.filter((directive) => !policyAllows(policy, directive, url, pageOrigin));
    if (blocked.length === 0) return [];
    const origin = new URL(url, pageOrigin).origin;
    return [{ key, message: 'config.policyStale', params: { key, origin, directives: blocked.join(', '), command: RESTAMP_COMMAND } }];
  });
}

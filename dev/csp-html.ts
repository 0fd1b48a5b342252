/**
 * The policy as a <meta http-equiv> in index.html. The meta also records the build-time sources, so
 * `npm run csp` can merge a later config.json over them without the build's environment. The console reads
 * the policy itself (src/config/stamped-policy.ts) to tell a config.json it does not cover.
 */
import type { PolicySources } from './csp.ts';
import { consolePolicy } from './csp.ts';

// Only this module writes the tag, in exactly this shape, and every value in it went through
// policyOrigin (no quotes, no "<"): finding it again with a pattern is safe.
const META = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1] || undefined;
}

export function policyMeta(effective: PolicySources, build: PolicySources): string {
  return (
    `<meta http-equiv="Content-Security-Policy" content="${consolePolicy(effective)}"` +
    ` data-build-pool="${build.pool ?? ''}" data-build-agent="${build.agent ?? ''}"` +
    ` data-build-issuers="${(build.issuers ?? []).join(' ')}" />`
  );
}

/** The sources the build stamped, or undefined when index.html carries no policy of ours. */
export function builtSources(html: string): PolicySources | undefined {
  const tag = META.exec(html)?.[0];
  if (!tag) return undefined;
  const issuers = attribute(tag, 'data-build-issuers')?.split(' ');
  return { pool: attribute(tag, 'data-build-pool'), agent: attribute(tag, 'data-build-agent'), issuers };
}

/** index.html with the policy for `effective`; placed right after <meta charset> so it governs everything after it. */
export function stampHtml(html: string, effective: PolicySources, build: PolicySources): string {
  const meta = policyMeta(effective, build);
  if (META.test(html)) return html.replace(META, () => meta);
  const charset = CHARSET.exec(html);
  if (!charset) throw new Error('index.html has no <meta charset> to put the Content-Security-Policy after');
  const end = charset.index + charset[0].length;
  return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
}

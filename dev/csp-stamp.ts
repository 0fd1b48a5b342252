/**
 * `npm run csp -- <dist>`: re-stamps <dist>/index.html for <dist>/config.json merged over the build-time
 * values, and prints the headers a CDN or nginx should send with it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  consolePolicy,
  headerPolicy,
  type PolicyConfig,
  type PolicySources,
  policyOrigin,
  policyOrigins,
  SILENT_CALLBACK_POLICY,
} from './csp.ts';
import { builtSources, stampHtml } from './csp-html.ts';

/** config.json values the console unquotes ('…' copied from a seed .env) must name the same origin here. */
function unquote(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().replace(/^(['"])([\s\S]*)\1$/, '$2') : value;
}

/** Like the console: a key present in config.json replaces the build-time value, even when empty or null. */
export function mergeSources(build: PolicySources, file: PolicyConfig): PolicySources {
  const pick = (key: keyof PolicyConfig, fallback: string | undefined) =>
    Object.hasOwn(file, key) ? policyOrigin(key, unquote(file[key])) : fallback;
  const issuers = Object.hasOwn(file, 'TRUSTED_ISSUERS') ? policyOrigins('TRUSTED_ISSUERS', unquote(file.TRUSTED_ISSUERS)) : build.issuers;
  return { pool: pick('OAUTH2_ISSUER_URI', build.pool), agent: pick('AGENT_ENDPOINT', build.agent), issuers };
}

function readConfigJson(distDir: string): PolicyConfig {
  const file = join(distDir, 'config.json');
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} is not a JSON object`);
  return parsed as PolicyConfig;
}

/** The header lines to print after a build or a re-stamp. */
export function headerReport(sources: PolicySources): string[] {
  const consoleHeader = headerPolicy(consolePolicy(sources), "'none'");
  return [
    `Content-Security-Policy for the user pool ${sources.pool ?? '(none configured)'}, the agent ${sources.agent ?? "on the console's origin"}` +
      ` and the trusted issuers ${sources.issuers?.join(' ') ?? '(none)'}.`,
    'Send these headers (frame-ancestors works only as a header, not in the <meta> of index.html):',
    '  index.html and the console routes:',
    `    Content-Security-Policy: ${consoleHeader}`,
    '  silent-callback.html:',
    `    Content-Security-Policy: ${headerPolicy(SILENT_CALLBACK_POLICY, "'self'")}`,
    'In the nginx configuration of `npm run deploy -- nginx` (docs/deploy.md), the line of `location /`:',
    `    add_header Content-Security-Policy "${consoleHeader}" always;`,
  ];
}

export function restamp(distDir: string): { sources: PolicySources; report: string[] } {
  const indexFile = join(distDir, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  const build = builtSources(html);
  if (!build) throw new Error(`${indexFile} carries no Content-Security-Policy of this console: build it with npm run build`);
  const sources = mergeSources(build, readConfigJson(distDir));
  writeFileSync(indexFile, stampHtml(html, sources, build));
  return { sources, report: [`${indexFile}: policy stamped.`, ...headerReport(sources)] };
}

import type { Plugin } from 'vite';
import { type PolicyConfig, policySources } from './csp.ts';
import { stampHtml } from './csp-html.ts';
import { headerReport } from './csp-stamp.ts';

/**
 * Stamps the built index.html with the policy for the build-time configuration and prints the headers.
 * Build only: the dev server's React refresh preamble is an inline script, which the policy forbids.
 */
export function contentSecurityPolicy(config: PolicyConfig): Plugin {
  let log: (message: string) => void = console.log;
  const sources = () => policySources(config);
  return {
    name: 'agent-console-csp',
    apply: 'build',
    configResolved(resolved) {
      log = (message) => resolved.logger.info(message);
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => stampHtml(html, sources(), sources()),
    },
    writeBundle() {
      const report = headerReport(sources());
      if (!sources().pool) report.push('No OAUTH2_ISSUER_URI at build time: after writing config.json, run npm run csp -- <dist>.');
      log(`\n${report.join('\n')}\n`);
    },
  };
}

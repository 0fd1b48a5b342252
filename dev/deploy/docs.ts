/**
 * The host files docs/deploy.md shows, produced by the generators `npm run deploy` and its tests run, for the
 * example deployment of example.ts. `npx tsx dev/deploy/update-docs.ts` rewrites them in the document;
 * tests/unit/deploy-docs.test.ts fails when the document and the generators differ.
 */
import { examplePlan } from './example.ts';
import { caddyfile } from './hosts/caddy.ts';
import { wranglerToml } from './hosts/cloudflare.ts';
import { headersFile, redirectsFile } from './hosts/headers-file.ts';
import { netlifyToml } from './hosts/netlify.ts';
import { nginxSite } from './hosts/nginx.ts';
import { cdnRules, websiteConfig } from './hosts/tos.ts';
import { vercelJson } from './hosts/vercel.ts';
import { SILENT_CALLBACK } from './site.ts';

export interface DocBlock {
  /** Names the block in its marker: `<!-- generated: <id> -->`. */
  id: string;
  lang: string;
  text: string;
}

export function docBlocks(): DocBlock[] {
  const cloudflare = examplePlan('cloudflare');
  return [
    { id: 'nginx: deploy/nginx/agent-console.conf', lang: 'nginx', text: nginxSite(examplePlan('nginx')) },
    { id: 'caddy: deploy/caddy/Caddyfile', lang: 'caddyfile', text: caddyfile(examplePlan('caddy')) },
    {
      id: 'cloudflare: dist/_headers',
      lang: 'text',
      text: headersFile('cloudflare', cloudflare, {
        detach: ['Access-Control-Allow-Origin'],
        aliases: { [SILENT_CALLBACK]: ['/silent-callback'] },
      }),
    },
    { id: 'cloudflare: dist/_redirects', lang: 'text', text: redirectsFile('cloudflare', cloudflare, '/') },
    { id: 'cloudflare: deploy/cloudflare/wrangler.toml', lang: 'toml', text: wranglerToml(cloudflare) },
    { id: 'netlify: deploy/netlify/netlify.toml', lang: 'toml', text: netlifyToml(examplePlan('netlify')) },
    { id: 'netlify: dist/_redirects', lang: 'text', text: redirectsFile('netlify', examplePlan('netlify'), '/index.html') },
    { id: 'vercel: dist/vercel.json', lang: 'json', text: vercelJson(examplePlan('vercel')) },
    { id: 'tos: deploy/tos/website.json', lang: 'json', text: `${JSON.stringify(websiteConfig(), null, 2)}\n` },
    { id: 'tos: deploy/tos/cdn-rules.json', lang: 'json', text: `${JSON.stringify(cdnRules(examplePlan('tos')), null, 2)}\n` },
  ];
}

const FENCE = '```';

/** The document with every generated block replaced by the generator's output; fails on a block it lacks. */
export function renderDocs(markdown: string, blocks = docBlocks()): string {
  let result = markdown;
  for (const block of blocks) {
    const start = `<!-- generated: ${block.id} -->\n`;
    const end = '<!-- end of generated block -->';
    const from = result.indexOf(start);
    const to = result.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`docs/deploy.md has no generated block "${block.id}"`);
    const body = `${start}${FENCE}${block.lang}\n${block.text}${FENCE}\n`;
    result = result.slice(0, from) + body + result.slice(to);
  }
  return result;
}

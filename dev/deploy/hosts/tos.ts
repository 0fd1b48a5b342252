/**
 * Volcano Engine TOS (static website hosting of a bucket) behind Volcano Engine CDN (untried here: both are
 * configured in the cloud console). A bucket serves files and cannot forward anything, so the agent path, the
 * console's routes and every header are CDN rules: cdn-rules.json lists them by the CDN console's features, and
 * steps.md says where each goes. The bucket's own rules are in website.json (PutBucketWebsite).
 */
import { join } from 'node:path';
import { AGENT_ROUTES } from '../edge/agent-proxy.ts';
import { ASSETS, agentTarget, CONFIG_FILE, type Header, headerSets, regexPath, SILENT_CALLBACK, type SitePlan } from '../site.ts';
import { type Host, poolTodo } from './host.ts';

const record = (headers: readonly Header[]) => Object.fromEntries(headers);

/** The CDN configuration of the console's domain, named after the CDN console's features (域名管理 → 管理). */
export function cdnRules(plan: SitePlan) {
  const sets = headerSets(plan, true);
  const target = agentTarget(plan);
  const agent = plan.agent.path;
  const consolePaths = ['/', '/index.html', ...plan.routes, ...plan.topFiles.map((name) => `/${name}`)].filter(
    (path) => path !== CONFIG_FILE && path !== SILENT_CALLBACK,
  );
  return {
    domain: plan.origin ? new URL(plan.origin).hostname : '<the console’s domain>',
    'origins (回源配置 → 源站 / 条件源站)': [
      {
        for: 'everything else',
        origin: 'the TOS bucket’s static website endpoint (源站类型: 对象存储 TOS)',
        originHost: 'the bucket’s website domain',
      },
      {
        for: `${agent}/*`,
        origin: target.url.hostname,
        protocol: target.url.protocol.replace(':', ''),
        port: Number(target.url.port) || (target.url.protocol === 'https:' ? 443 : 80),
        originHost: target.url.host,
        originSni: target.url.hostname,
        'timeoutSeconds (回源超时)': 600,
      },
    ],
    'originUrlRewrites (回源 URL 改写, 路径改写)': [
      { requestPath: `^${regexPath(agent)}/(.*)$`, originPath: `${target.prefix}/$1` },
      { requestPath: `^(${plan.routes.map(regexPath).join('|')})$`, originPath: '/index.html' },
    ],
    'agentMethods (规则引擎: request method + path; ask for it by ticket)': AGENT_ROUTES.map((route) => ({
      methods: route.methods,
      path: `${agent}${route.path}${route.prefix ? '*' : ''}`,
    })),
    'originResponseHeaders (源站响应头设置)': [{ paths: [`${agent}/*`], action: 'delete', header: 'Set-Cookie' }],
    'responseHeaders (HTTP 响应头设置)': [
      { paths: [`${agent}/*`], set: record(sets.agent) },
      { paths: [`${ASSETS}*`], set: record(sets.assets) },
      { paths: [CONFIG_FILE], set: record(sets.config) },
      { paths: [SILENT_CALLBACK], set: record(sets.silentCallback) },
      { paths: consolePaths, set: record(sets.console) },
    ],
    'cache (缓存配置)': [
      { paths: [`${agent}/*`], cache: 'never (不缓存)' },
      { paths: [CONFIG_FILE], cache: 'never (不缓存)' },
      { paths: [`${ASSETS}*`], cache: '365 days, honour the origin’s Cache-Control' },
      { paths: consolePaths.concat(SILENT_CALLBACK), cache: '0 s (revalidate with the origin every time)' },
    ],
  };
}

/** PutBucketWebsite: index.html at the root. The console's routes are the CDN's rewrites, not the bucket's. */
export function websiteConfig() {
  return { IndexDocument: { Suffix: 'index.html', ForbiddenSubDir: true } };
}

export function tosSteps(plan: SitePlan): string[] {
  const target = agentTarget(plan);
  const domain = plan.origin ? new URL(plan.origin).hostname : '<the console’s domain>';
  return [
    `TOS: create a bucket (private is fine behind the CDN), upload the contents of ${plan.distDir} to its root (tosutil cp ${plan.distDir}/ tos://<bucket>/ -r, or the TOS console's upload), and set its static website hosting (静态网站托管) to ${join(plan.outDir, 'website.json')}: index document index.html.`,
    `CDN: add ${domain} as an accelerated domain (添加域名) with the bucket as its origin (源站类型 对象存储); a bucket's default domain forces HTML to download (Content-Disposition: attachment), so the console must be reached through this domain.`,
    `CDN → 回源配置: a second origin ${target.url.host} (https, 回源 Host ${target.url.host}, 回源超时 600 s) for the path ${plan.agent.path}/*, and the two path rewrites (回源 URL 改写) of cdn-rules.json: ${plan.agent.path}/… to ${target.prefix || ''}/…, and ${plan.routes.join(', ')} to /index.html.`,
    'CDN → 源站响应头设置: delete Set-Cookie for the agent path. CDN → HTTP 响应头设置 and 缓存配置: the headers and cache rules of cdn-rules.json, path by path.',
    `CDN → 规则引擎 (by ticket): forward only the methods and paths under agentMethods; without it the CDN forwards every method under ${plan.agent.path}/, and the gateway's own routes (A2A, docs) are reachable on the console's origin.`,
    `DNS: a CNAME from ${domain} to the CDN's CNAME; TLS: an HTTPS certificate for ${domain} in the CDN (证书管理), HTTP→HTTPS redirect (强制跳转) on, HTTP/2 on.`,
    'Check it: the console loads, /callback and /debugger show the console, config.json answers with Cache-Control: no-store, and a stream arrives word by word (turn off any CDN compression or buffering for the agent path if it does not).',
  ];
}

export const tos: Host = {
  name: 'tos',
  title: 'Volcano Engine TOS + CDN',
  distFiles: [],
  files: (plan) => [
    { path: join(plan.outDir, 'website.json'), text: `${JSON.stringify(websiteConfig(), null, 2)}\n` },
    { path: join(plan.outDir, 'cdn-rules.json'), text: `${JSON.stringify(cdnRules(plan), null, 2)}\n` },
    {
      path: join(plan.outDir, 'steps.md'),
      text: `# Deploying the console on TOS + CDN\n\nGenerated by \`npm run deploy -- tos\`; untried by the console's tests. A TOS bucket cannot forward the agent path itself: the CDN does.\n\n${tosSteps(
        plan,
      )
        .map((step, index) => `${index + 1}. ${step}`)
        .join('\n')}\n`,
    },
  ],
  todo: (plan) => [...tosSteps(plan), ...poolTodo(plan)],
};

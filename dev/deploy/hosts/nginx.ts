/**
 * nginx: one file for conf.d/ (read inside `http {}`): a `map` of the agent routes and the server block(s). `--serve`
 * wraps it in a complete nginx.conf that runs Debian's nginx in the foreground from a scratch folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_ROUTES } from '../edge/agent-proxy.ts';
import { agentTarget, type Header, headerSets, isTls, regexPath, type SitePlan } from '../site.ts';
import { type Host, type OutputFile, poolTodo } from './host.ts';

export const NGINX_FILE = 'agent-console.conf';
export const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
/** Debian's CA bundle: nginx checks the gateway's certificate against it. */
export const SYSTEM_CA_FILE = '/etc/ssl/certs/ca-certificates.crt';

function addHeaders(headers: readonly Header[], indent: string): string[] {
  return headers.map(([name, value]) =>
    // Cache-Control only for successful answers (nginx's default), the rest on errors too.
    name === 'Cache-Control' ? `${indent}add_header ${name} "${value}";` : `${indent}add_header ${name} "${value}" always;`,
  );
}

function routeMap(path: string): string[] {
  const entries = AGENT_ROUTES.map((route) => {
    const key = route.prefix
      ? `"~^(${route.methods.join('|')}) ${regexPath(path + route.path)}."`
      : `"${route.methods[0]} ${path}${route.path}"`;
    if (!route.prefix && route.methods.length > 1) throw new Error('an exact agent route has one method');
    return `    ${key.padEnd(36)} 1;`;
  });
  return [
    '# What the console calls on the agent: POST /invoke, and the ADK REST routes of an agent server app.',
    "# Anything else the gateway serves (A2A, docs, debug routes) stays off the console's origin.",
    'map "$request_method $uri" $agent_console_route {',
    `    ${'default'.padEnd(36)} 0;`,
    ...entries,
    '}',
  ];
}

function listen(plan: SitePlan): string[] {
  if (plan.serve) return [`    listen 127.0.0.1:${plan.port};`];
  if (!plan.origin) return ['    listen 8080;'];
  const url = new URL(plan.origin);
  if (!isTls(plan)) return [`    listen ${url.hostname === 'localhost' ? '127.0.0.1' : url.hostname}:${url.port || 80};`];
  return [
    `    listen ${url.port || 443} ssl;`,
    `    server_name ${url.hostname};`,
    `    # From certbot (certbot certonly --webroot or --nginx) or your CA: the certificate of ${url.hostname}.`,
    `    ssl_certificate /etc/letsencrypt/live/${url.hostname}/fullchain.pem;`,
    `    ssl_certificate_key /etc/letsencrypt/live/${url.hostname}/privkey.pem;`,
  ];
}

/** The conf.d file: the map, the console's server block and, on a TLS site, the redirect from plain http. */
export function nginxSite(plan: SitePlan): string {
  const tls = isTls(plan);
  const sets = headerSets(plan, tls);
  const target = agentTarget(plan);
  const agentLines = [
    `    location ${plan.agent.path}/ {`,
    '        if ($agent_console_route = 0) { return 404; }',
    `        # The trailing slashes map ${plan.agent.path}/invoke to <endpoint>/invoke.`,
    `        proxy_pass ${target.origin}${target.prefix}/;`,
    ...(target.url.protocol === 'https:'
      ? [
          '        # Bearer tokens go through here: check the gateway’s certificate (nginx does not by default).',
          '        proxy_ssl_verify on;',
          `        proxy_ssl_trusted_certificate ${SYSTEM_CA_FILE};`,
          '        proxy_ssl_server_name on;',
        ]
      : []),
    '        proxy_http_version 1.1;',
    '        proxy_set_header Connection "";',
    '        proxy_buffering off;              # stream SSE answers as they arrive',
    '        proxy_read_timeout 600s;          # like `agentkit invoke` for streams',
    '        # An answer is data, never a page of the console: HTML from the gateway gets an opaque origin, no',
    '        # script, no sniffing, and sets no cookie on the console’s origin.',
    '        proxy_hide_header Set-Cookie;',
    ...addHeaders(sets.agent, '        '),
    '    }',
  ];
  const fileLocation = (match: string, headers: readonly Header[]) => [
    `    location ${match} {`,
    ...addHeaders(headers, '        '),
    '        try_files $uri =404;',
    '    }',
  ];
  const server = [
    'server {',
    ...listen(plan),
    `    root ${plan.root};${plan.serve ? '' : ' # the contents of dist/'}`,
    '    index index.html;',
    '    underscores_in_headers on;            # user_id and session_id have underscores',
    '',
    ...agentLines,
    '',
    ...fileLocation('/assets/', sets.assets),
    '',
    ...fileLocation('= /config.json', sets.config),
    '',
    ...fileLocation('= /silent-callback.html', sets.silentCallback),
    '',
    '    location / {',
    ...addHeaders(sets.console, '        '),
    `        try_files $uri $uri/ /index.html; # ${plan.routes.join(' and ')} are the SPA’s`,
    '    }',
    '}',
  ];
  const redirect = tls
    ? [
        '',
        'server {',
        '    listen 80;',
        `    server_name ${new URL(plan.origin ?? '').hostname};`,
        '    return 301 https://$host$request_uri;',
        '}',
      ]
    : [];
  const header = [
    `# Generated by \`npm run deploy -- nginx\`${plan.origin ? ` for ${plan.origin}` : ''}: one file for conf.d/ (nginx reads it inside http {}).`,
    '# nginx drops the server’s add_header lines in any location that has its own, so each location repeats its headers.',
  ];
  return `${[...header, ...routeMap(plan.agent.path), '', ...server, ...redirect].join('\n')}\n`;
}

const TEMP_DIRS = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/** The folders nginxMainConf's nginx writes to. */
export function nginxScratchDirs(scratch: string): string[] {
  return TEMP_DIRS.map((dir) => join(scratch, dir));
}

/** A complete nginx.conf around `include`d site files, running in the foreground from `scratch` (see nginxScratchDirs). */
export function nginxMainConf(includes: string[], scratch: string): string {
  // As root, nginx's workers would switch to "nobody", who may not read the dist folder: a local trial keeps the user.
  const user = process.getuid?.() === 0 ? ['user root;'] : [];
  return `${[
    ...user,
    'worker_processes 1;',
    'daemon off;',
    `pid ${scratch}/nginx.pid;`,
    'error_log stderr warn;',
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  access_log off;',
    ...TEMP_DIRS.map((dir) => `  ${dir === 'body' ? 'client_body' : dir}_temp_path ${scratch}/${dir};`),
    ...includes.map((file) => `  include ${file};`),
    '}',
  ].join('\n')}\n`;
}

export function findNginx(): string | undefined {
  return process.env.NGINX_PATH || NGINX_CANDIDATES.find((path) => existsSync(path));
}

export const nginx: Host = {
  name: 'nginx',
  title: 'nginx',
  distFiles: [],
  files: (plan): OutputFile[] => [{ path: join(plan.outDir, NGINX_FILE), text: nginxSite(plan) }],
  todo: (plan) => [
    `Copy the contents of ${plan.distDir} to ${plan.root} on the server${plan.root === plan.distDir ? ' (or run again with --root <folder on the server>)' : ''}.`,
    `Copy ${join(plan.outDir, NGINX_FILE)} to /etc/nginx/conf.d/, then: nginx -t && nginx -s reload.`,
    ...(isTls(plan)
      ? [
          `DNS: point ${new URL(plan.origin ?? '').hostname} at the server. TLS: get its certificate (e.g. certbot certonly --nginx -d ${new URL(plan.origin ?? '').hostname}) at the paths the file names.`,
        ]
      : [
          'TLS: this site listens on plain http. Put it behind a TLS terminator, or run again with --origin https://<your host> for a TLS server block (and HSTS).',
        ]),
    ...poolTodo(plan),
  ],
  serve: (plan) => {
    const binary = findNginx();
    const scratch = join(plan.outDir, 'serve');
    return {
      command: binary ?? 'nginx',
      args: ['-e', 'stderr', '-c', join(scratch, 'nginx.conf')],
      files: [{ path: join(scratch, 'nginx.conf'), text: nginxMainConf([join(plan.outDir, NGINX_FILE)], scratch) }],
      dirs: nginxScratchDirs(scratch),
      missing: binary ? undefined : "No nginx found: install Debian's package (apt-get install nginx) or set NGINX_PATH.",
    };
  },
};

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

/** Debian's nginx, installed with apt-get when missing and the tests run as root. */
export function ensureNginx(): string {
  const found = () => process.env.NGINX_PATH || CANDIDATES.find((path) => existsSync(path));
  const path = found();
  if (path) return path;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('nginx is missing: installing Debian\'s "nginx" package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error("No nginx found for the deployment test. Install Debian's package (apt-get install nginx) or set NGINX_PATH.");
}

/** The ```nginx block of the README, exactly as users copy it. */
export function readmeNginxBlock(readmePath: string): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(readFileSync(readmePath, 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no ```nginx block');
  return block;
}

/** The server block alone, without what the README puts beside it in the http block (a map may be defined once). */
export function serverBlockOnly(block: string): string {
  const start = block.search(/^server \{/m);
  if (start < 0) throw new Error("the README's nginx block has no server block");
  return block.slice(start);
}

/** Wraps a server block into a complete nginx.conf that runs in the foreground from a scratch folder. */
export function nginxConf(serverBlock: string, scratch: string): string {
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(scratch, dir), { recursive: true });
  const conf = `
user root;
worker_processes 1;
daemon off;
pid ${scratch}/nginx.pid;
error_log ${scratch}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${scratch}/body;
  proxy_temp_path ${scratch}/proxy;
  fastcgi_temp_path ${scratch}/fastcgi;
  uwsgi_temp_path ${scratch}/uwsgi;
  scgi_temp_path ${scratch}/scgi;
${serverBlock}
}
`;
  const file = join(scratch, 'nginx.conf');
  writeFileSync(file, conf);
  return file;
}

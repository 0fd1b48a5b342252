import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A Debian package's binary, installed with apt-get when missing and the tests run as root. */
function ensureDebianBinary(pkg: string, variable: string, candidates: string[]): string {
  const found = () => process.env[variable] || candidates.find((path) => existsSync(path));
  const path = found();
  if (path) return path;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`${pkg} is missing: installing Debian's "${pkg}" package with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(`No ${pkg} found for the deployment test. Install Debian's package (apt-get install ${pkg}) or set ${variable}.`);
}

/** Debian's nginx (NGINX_PATH, else /usr/sbin/nginx). */
export function ensureNginx(): string {
  return ensureDebianBinary('nginx', 'NGINX_PATH', ['/usr/sbin/nginx', '/usr/bin/nginx']);
}

/** Debian's Caddy 2 (CADDY_PATH, else /usr/bin/caddy). */
export function ensureCaddy(): string {
  return ensureDebianBinary('caddy', 'CADDY_PATH', ['/usr/bin/caddy', '/usr/local/bin/caddy']);
}

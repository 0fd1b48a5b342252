import type { HostName } from '../site.ts';
import { caddy } from './caddy.ts';
import { cloudflare } from './cloudflare.ts';
import type { Host } from './host.ts';
import { netlify } from './netlify.ts';
import { nginx } from './nginx.ts';
import { tos } from './tos.ts';
import { vercel } from './vercel.ts';

export const HOST_LIST: readonly Host[] = [nginx, caddy, cloudflare, netlify, vercel, tos];

export function hostNamed(name: HostName): Host {
  const host = HOST_LIST.find((candidate) => candidate.name === name);
  if (!host) throw new Error(`no host called ${name}`);
  return host;
}

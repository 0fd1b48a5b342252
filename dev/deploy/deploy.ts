/**
 * One deployment: check dist/, write its config.json, re-stamp its policy, write the host's files and say what is
 * left to do by hand. The command line is in cli.ts; the e2e tests run that.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { consolePolicy, headerPolicy, SILENT_CALLBACK_POLICY } from '../csp.ts';
import { builtSources } from '../csp-html.ts';
import { restamp } from '../csp-stamp.ts';
import type { DeployConfig } from './config.ts';
import type { OutputFile } from './hosts/host.ts';
import { HOST_LIST, hostNamed } from './hosts/index.ts';
import type { HostName, SitePlan } from './site.ts';

/** Marks an --out folder as written by `npm run deploy`, so a later run may empty it. */
const MARKER = '.agent-console-deploy';

export class DeployError extends Error {}

export interface DeployOptions {
  host: HostName;
  distDir: string;
  outDir?: string;
  root?: string;
  serve: boolean;
}

/** The console's own routes that are no file: /callback (unless the redirect URI says otherwise) and /debugger. */
function spaRoutes(redirectUri: string, origin: string | undefined): string[] {
  const routes = ['/callback', '/debugger'];
  try {
    const url = new URL(redirectUri);
    if (origin && url.origin === origin && !routes.includes(url.pathname)) routes.push(url.pathname);
  } catch {}
  return routes;
}

export function checkDist(distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    throw new DeployError(`${distDir} holds no built console (${index} is missing): run \`npm run build\` first.`);
  }
  if (!builtSources(readFileSync(index, 'utf8'))) {
    throw new DeployError(`${index} carries no Content-Security-Policy of this console: build it with \`npm run build\`.`);
  }
}

export function defaultOutDir(distDir: string, host: HostName): string {
  return join(dirname(resolve(distDir)), 'deploy', host);
}

/** Empties an --out folder this command wrote before, and refuses to touch one it did not. */
function prepareOutDir(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!existsSync(join(outDir, MARKER))) {
      throw new DeployError(`${outDir} is not empty and was not written by npm run deploy: choose another folder with --out.`);
    }
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MARKER), 'Written by `npm run deploy`: emptied and rewritten on every run.\n');
}

export function writeFiles(files: OutputFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text);
  }
}

export interface Deployed {
  plan: SitePlan;
  written: string[];
  todo: string[];
}

export function deploy(config: DeployConfig, options: DeployOptions): Deployed {
  const distDir = resolve(options.distDir);
  checkDist(distDir);
  const host = hostNamed(options.host);
  const outDir = resolve(options.outDir ?? defaultOutDir(distDir, host.name));

  writeFileSync(join(distDir, 'config.json'), `${JSON.stringify(config.configJson, null, 2)}\n`);
  let sources: ReturnType<typeof restamp>['sources'];
  try {
    sources = restamp(distDir).sources;
  } catch (error) {
    throw new DeployError(`The Content-Security-Policy cannot be stamped: ${(error as Error).message}`);
  }
  const plan: SitePlan = {
    host: host.name,
    distDir,
    outDir,
    root: options.root ?? distDir,
    origin: config.origin,
    serve: options.serve,
    port: config.port,
    agent: config.agent,
    policies: {
      console: headerPolicy(consolePolicy(sources), "'none'"),
      silentCallback: headerPolicy(SILENT_CALLBACK_POLICY, "'self'"),
    },
    routes: spaRoutes(config.pool.redirectUri, config.origin),
    topFiles: readdirSync(distDir).filter(
      (name) => statSync(join(distDir, name)).isFile() && !name.startsWith('_') && name !== 'vercel.json',
    ),
    pool: config.pool,
  };

  // A dist/ deployed to one host before must not carry another host's files (a stale _headers, say).
  for (const other of HOST_LIST) {
    if (other.name === host.name) continue;
    for (const name of other.distFiles) rmSync(join(distDir, name), { force: true });
  }
  prepareOutDir(outDir);
  const files = host.files(plan);
  writeFiles(files);
  return {
    plan,
    written: [join(distDir, 'config.json'), join(distDir, 'index.html'), ...files.map((file) => file.path)],
    todo: host.todo(plan),
  };
}

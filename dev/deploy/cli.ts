/**
 * `npm run deploy -- <host> [--serve] [--dist dist] [--out <folder>] [--root <folder>] [--origin https://…]`
 *
 * Reads .env or the environment like `npm run build`, refuses a configuration the setup screen would refuse (its
 * messages, exit code 1), writes dist/config.json, re-stamps dist/index.html's policy, writes the host's files and
 * prints what is left to do by hand. `--serve` then runs the real host software on 127.0.0.1:CONSOLE_PORT.
 */
import { parseArgs } from 'node:util';
import { loadEnv } from 'vite';
import { resolveDeployConfig } from './config.ts';
import { DeployError, deploy } from './deploy.ts';
import { HOST_LIST, hostNamed } from './hosts/index.ts';
import { serve } from './serve.ts';
import type { HostName } from './site.ts';

const NAMES: string[] = HOST_LIST.map((host) => host.name);
const USAGE = `usage: npm run deploy -- <${NAMES.join('|')}> [--serve] [--dist <folder>] [--out <folder>] [--root <folder>] [--origin <https://host>]

  --serve    serve the result on http://127.0.0.1:$CONSOLE_PORT with the host's own software (nginx, caddy, cloudflare)
  --dist     the built console (default: dist; run \`npm run build\` first)
  --out      where the host's files that are not published go (default: deploy/<host> beside dist)
  --root     where the web server will find the contents of dist/ (nginx, caddy; default: the dist folder)
  --origin   the console's public origin, when OAUTH2_REDIRECT_URI does not name it`;

function fail(lines: string[], code = 1): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        serve: { type: 'boolean', default: false },
        dist: { type: 'string', default: 'dist' },
        out: { type: 'string' },
        root: { type: 'string' },
        origin: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail([`npm run deploy: ${(error as Error).message}`, USAGE], 2);
  }
}

const { values, positionals } = parse();
if (values.help) fail([USAGE], 0);
const name = positionals[0];
if (positionals.length !== 1 || !NAMES.includes(name)) fail([USAGE], 2);
const host = hostNamed(name as HostName);
if (values.serve && !host.serve) fail([`npm run deploy: ${host.title} cannot run on this machine, so --serve is not offered for it.`], 2);
if (values.serve && (values.origin || values.root))
  fail(['npm run deploy: --serve serves dist/ on http://127.0.0.1:$CONSOLE_PORT; leave out --origin and --root.'], 2);

// The same files and precedence as `npm run build` (the environment wins over .env, .env.local, .env.production).
const env = loadEnv('production', process.env.CONSOLE_ENV_DIR || process.cwd(), '');
const resolved = resolveDeployConfig(env, { host: host.title, serve: values.serve, origin: values.origin });
if (!resolved.ok) {
  fail([
    `npm run deploy: the configuration cannot be deployed (the console would show its setup screen):`,
    ...resolved.errors.map((error) => `  ${error}`),
  ]);
}
for (const warning of resolved.config.warnings) console.warn(`⚠  ${warning}`);

let deployed: ReturnType<typeof deploy>;
try {
  deployed = deploy(resolved.config, { host: host.name, distDir: values.dist, outDir: values.out, root: values.root, serve: values.serve });
} catch (error) {
  if (error instanceof DeployError) fail([`npm run deploy: ${error.message}`]);
  throw error;
}
console.log(
  `Deployed for ${host.title}${deployed.plan.origin ? ` at ${deployed.plan.origin}` : ''}; agent path ${deployed.plan.agent.path} → ${deployed.plan.agent.target}.`,
);
console.log('Wrote:');
for (const file of deployed.written) console.log(`  ${file}`);

if (values.serve) {
  console.log(`\nLeft to do for a real deployment (see docs/deploy.md):`);
  for (const [index, item] of deployed.todo.entries()) console.log(`  ${index + 1}. ${item}`);
  process.exitCode = await serve(host, deployed.plan);
} else {
  console.log('\nLeft to do by hand (see docs/deploy.md):');
  for (const [index, item] of deployed.todo.entries()) console.log(`  ${index + 1}. ${item}`);
}

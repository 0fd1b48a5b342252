/** `--serve`: the host's own software in the foreground on 127.0.0.1:CONSOLE_PORT, until Ctrl-C. */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { writeFiles } from './deploy.ts';
import type { Host } from './hosts/host.ts';
import type { SitePlan } from './site.ts';

/** Resolves with the exit code of the host software. */
export async function serve(host: Host, plan: SitePlan): Promise<number> {
  const command = host.serve?.(plan);
  if (!command) throw new Error(`${host.title} has no local server`);
  if (command.missing) {
    console.error(`npm run deploy: ${command.missing}`);
    return 1;
  }
  for (const dir of command.dirs ?? []) mkdirSync(dir, { recursive: true });
  writeFiles(command.files ?? []);
  console.log(
    `\nServing http://127.0.0.1:${plan.port}/ with ${host.title} (${command.command} ${command.args.join(' ')}). Ctrl-C stops it.\n`,
  );
  const child = spawn(command.command, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`npm run deploy: ${command.command} could not start: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  });
}

import { join } from 'node:path';
import { finished, run } from './processes.ts';

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** `npm run csp -- <distDir>`, as an operator runs it after writing config.json: returns what it printed. */
export async function stampPolicy(distDir: string): Promise<string> {
  const cli = run(process.execPath, [TSX, join(process.cwd(), 'dev', 'csp-cli.ts'), distDir], process.env);
  if ((await finished(cli)) !== 0) throw new Error(`npm run csp -- ${distDir} failed:\n${cli.output()}`);
  return cli.output();
}

/** The nginx line `npm run csp` prints for the console's `location /`. */
export function nginxPolicyLine(printed: string): string {
  const line = printed.split('\n').find((candidate) => candidate.trim().startsWith('add_header Content-Security-Policy'));
  if (!line) throw new Error(`npm run csp printed no add_header line:\n${printed}`);
  return line.trim();
}

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run, type Spawned, waitForUrl } from './processes.ts';

const VITE = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');

/** A copy of a built console with a config.json of its own, as an operator deploys it to another environment. */
export function deployCopy(distDir: string, config: Record<string, string>): string {
  const copy = mkdtempSync(join(tmpdir(), 'agent-console-deployed-'));
  cpSync(distDir, copy, { recursive: true });
  writeFileSync(join(copy, 'config.json'), JSON.stringify(config));
  return copy;
}

/** Serves a dist folder with `vite preview` on a free loopback port (no proxy, no .env of the developer's). */
export async function previewSite(distDir: string): Promise<{ url: string; preview: Spawned }> {
  const port = await freePort();
  const env = { ...process.env, CONSOLE_ENV_DIR: mkdtempSync(join(tmpdir(), 'agent-console-env-')), CONSOLE_PORT: String(port) };
  const preview = run(process.execPath, [VITE, 'preview', '--outDir', distDir], env);
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`, preview);
  return { url, preview };
}

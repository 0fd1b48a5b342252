import { copyFileSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The scripts, module preloads and style sheets index.html loads, gzipped, in KB. */
export function firstPageKb(distDir: string): { files: string[]; kb: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const bytes = [...new Set(files)].reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
  return { files, kb: bytes / 1024 };
}

/** The floor app (floor-app/) built with the project's own Vite, React plugin, target and library versions. */
export async function buildFloorApp(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'agent-console-floor-'));
  for (const file of ['index.html', 'main.tsx']) copyFileSync(join(import.meta.dirname, 'floor-app', file), join(root, file));
  // Resolve the libraries from the project, so the floor uses exactly the versions the console ships.
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  const outDir = join(root, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

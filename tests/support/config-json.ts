import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runtime configuration of a served build: what an operator writes beside index.html. */
export function setConfigJson(distDir: string, content: Record<string, string> | string) {
  writeFileSync(join(distDir, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content));
}

/** Back to the config.json the build ships (from public/), for the next test. */
export function resetConfigJson(distDir: string) {
  copyFileSync(join(process.cwd(), 'public', 'config.json'), join(distDir, 'config.json'));
}

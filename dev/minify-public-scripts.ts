import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minify, type Plugin } from 'vite';

/**
 * Scripts in public/ are copied as written, comments and all; config-read.js loads with the first page, so the
 * build minifies the copy (the source keeps its comments). Build only: the dev server serves the source.
 */
export function minifyPublicScripts(files: readonly string[]): Plugin {
  let outDir = 'dist';
  return {
    name: 'agent-console:minify-public-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const file of files) {
        const path = join(outDir, file);
        if (!existsSync(path)) continue; // not written (build.write or copyPublicDir off)
        const { code, errors } = await minify(file, readFileSync(path, 'utf8'), { compress: true, mangle: true });
        if (errors.length > 0) throw new Error(`${file} could not be minified: ${errors.map((error) => error.message).join('; ')}`);
        writeFileSync(path, code);
      }
    },
  };
}

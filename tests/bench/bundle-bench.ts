import { copyFileSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { benchContext } from './bench-context.ts';

function gzippedKb(distDir: string, files: string[]): number {
  return [...new Set(files)].reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0) / 1024;
}

/** The scripts, module preloads and style sheets index.html loads, gzipped, in KB. */
export function firstPageKb(distDir: string): { files: string[]; kb: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  // Every local script and style sheet, hashed or not (config-read.js is one of them).
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^":]+\.(?:js|css))"/g)].map((match) => match[1]);
  return { files, kb: gzippedKb(distDir, files) };
}

/**
 * Every script and style sheet under /assets/ a signed-out first visit fetched until the message box is usable
 * (the chat panel shown, the textbox "Message" enabled), gzipped from `distDir` like `firstPageKb`: the entry
 * and what it loads beside config.json (the workspace, the texts).
 */
export async function firstScreenKb(browser: Browser, consoleUrl: string, distDir: string): Promise<{ files: string[]; kb: number }> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/`);
    const usable = await page.waitForFunction(() => {
      const box = document.querySelector<HTMLTextAreaElement>('section.panel.chat textarea');
      return box && !box.disabled && box.getClientRects().length > 0 ? performance.now() : false;
    });
    const usableAt = Number(await usable.jsonValue());
    const files = await page.evaluate((until) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return entries
        .filter((entry) => entry.startTime <= until)
        .map((entry) => new URL(entry.name).pathname.slice(1))
        .filter((path) => /^(?:assets\/)?[^/]+\.(?:js|css)$/.test(path));
    }, usableAt);
    // The accessible name, checked once (the wait above reads the DOM directly, to stamp the moment it happened).
    if (!(await page.getByRole('textbox', { name: 'Message' }).isEnabled())) throw new Error('no usable message box');
    return { files, kb: gzippedKb(distDir, files) };
  } finally {
    await context.close();
  }
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
    // As the console builds (vite.config.ts): without Vite's modulepreload polyfill, so like is compared with like.
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  return outDir;
}

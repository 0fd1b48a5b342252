import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';

const SRC = resolve(import.meta.dirname, '../../src');
/** Static imports only: a dynamic import() is a chunk of its own, which adds its English part before it renders. */
const STATIC_IMPORT = /^\s*import\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
const MESSAGE_KEY = /\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g;

/** The modules of the first page: main.tsx and whatever it imports statically, transitively. */
function firstPageModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(STATIC_IMPORT)) {
      if (/\.tsx?$/.test(specifier)) visit(join(dirname(file), specifier));
    }
  };
  visit(join(SRC, 'main.tsx'));
  return [...seen];
}

describe('the first page', () => {
  it('uses only texts of the English part that ships with it (the others come with their chunks)', () => {
    const modules = firstPageModules();
    // The header, the sign-in controls and the error boundary are there; the chat is not.
    expect(modules.some((file) => file.endsWith('auth-controls.tsx'))).toBe(true);
    expect(modules.some((file) => file.endsWith('chat-panel.tsx'))).toBe(false);
    const missing = modules.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(MESSAGE_KEY)]
        .map(([, key]) => key)
        .filter((key) => !Object.hasOwn(en, key))
        .map((key) => `${file.slice(SRC.length + 1)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

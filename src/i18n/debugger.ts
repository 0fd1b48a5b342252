import { claimDocsEn, type DebuggerKey, debuggerEn } from './debugger-en.ts';
import { format, type Language, type MessageParams, registerCatalogue } from './index.ts';

export type { DebuggerKey };

type DebuggerCatalogue = { texts: Record<DebuggerKey, string>; claims: Record<string, string> };

const english: DebuggerCatalogue = { texts: debuggerEn, claims: claimDocsEn };
const catalogues: Record<Language, () => Promise<DebuggerCatalogue>> = {
  en: () => Promise.resolve(english),
  'zh-CN': () => import('./debugger-zh-CN.ts').then(({ debuggerZh, claimDocsZh }) => ({ texts: debuggerZh, claims: claimDocsZh })),
};

let current = english;

// Loaded with the debugger page only, in the language shown; the page waits for it (top-level await), and
// later switches wait for it before they show.
await registerCatalogue(async (language) => {
  const loaded = await catalogues[language]();
  return () => {
    current = loaded;
  };
});

/** Text of the debugger page. */
export function td(key: DebuggerKey, params: MessageParams = {}): string {
  return format(current.texts[key] ?? debuggerEn[key], params);
}

/** Claim names come from the token: `__proto__` or `constructor` must not reach Object.prototype. */
export function claimDoc(name: string): string | undefined {
  return Object.hasOwn(current.claims, name) ? current.claims[name] : undefined;
}

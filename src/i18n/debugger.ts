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

/**
 * Settles once the debugger's texts are in the language shown (never rejects: English stays if they cannot
 * load). The debugger route waits for it before showing the page; later switches wait for them themselves.
 * (Not a top-level await: that would make the bundler split the first page's shared modules into more chunks.)
 */
export const debuggerTextsReady: Promise<void> = registerCatalogue(async (language) => {
  const loaded = await catalogues[language]();
  return () => {
    current = loaded;
  };
}).catch(() => {});

/** Text of the debugger page. */
export function td(key: DebuggerKey, params: MessageParams = {}): string {
  return format(current.texts[key] ?? debuggerEn[key], params);
}

/** Claim names come from the token: `__proto__` or `constructor` must not reach Object.prototype. */
export function claimDoc(name: string): string | undefined {
  return Object.hasOwn(current.claims, name) ? current.claims[name] : undefined;
}

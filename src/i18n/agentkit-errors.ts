import { useSyncExternalStore } from 'react';
import { type ExplainKey, explainEn } from './agentkit-errors-en.ts';
import { format, type Language, type MessageParams, registerCatalogue } from './index.ts';

export type { ExplainKey };

const catalogues: Record<Language, () => Promise<Record<ExplainKey, string>>> = {
  en: () => Promise.resolve(explainEn),
  'zh-CN': () => import('./agentkit-errors-zh-CN.ts').then(({ explainZh }) => explainZh),
};

let current: Record<ExplainKey, string> = explainEn;
let version = 0;
const listeners = new Set<() => void>();

/**
 * Settles once the explanations are in the language shown (never rejects: English stays if they cannot load).
 * Later switches load them before they show, like every other catalogue.
 */
export const explainTextsReady: Promise<void> = registerCatalogue(async (language) => {
  const loaded = await catalogues[language]();
  return () => {
    current = loaded;
    version++;
    for (const listener of listeners) listener();
  };
}).catch(() => {});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Renders again once the explanations of the language shown have loaded: a message restored from this device can
 * show before they did (a language switch waits for them, and the language hook renders it again then).
 */
export function useExplainTexts(): number {
  return useSyncExternalStore(subscribe, () => version);
}

/** Text of an error explanation. */
export function tx(key: ExplainKey, params: MessageParams = {}): string {
  return format(current[key] ?? explainEn[key], params);
}

import { useEffect, useSyncExternalStore } from 'react';
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
 * Registered with the first explanation shown, not with the chunk that can show one: a Chinese reader's first
 * page fetches the explanations' translation only once there is something to explain. Later language switches
 * load it before they show, like every other catalogue.
 */
let registered = false;
function registerOnce() {
  if (registered) return;
  registered = true;
  void registerCatalogue(async (language) => {
    const loaded = await catalogues[language]();
    return () => {
      current = loaded;
      version++;
      for (const listener of listeners) listener();
    };
  }).catch(() => {});
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Loads the explanations in the language shown (at the first explanation) and renders again once they are in.
 */
export function useExplainTexts(): number {
  useEffect(registerOnce, []);
  return useSyncExternalStore(subscribe, () => version);
}

/** Text of an error explanation. */
export function tx(key: ExplainKey, params: MessageParams = {}): string {
  return format(current[key] ?? explainEn[key], params);
}

import { type Catalogue, en, type MessageKey } from './en.ts';
import { initialLanguage, type Language, storeLanguage } from './language.ts';

export type { Language, MessageKey };
export type MessageParams = Record<string, string | number>;

/**
 * Loads a further catalogue in a language (the debugger's registers one) and resolves to what puts it in use:
 * called only if that language is still the one wanted once everything has loaded.
 */
export type CatalogueLoader = (language: Language) => Promise<() => void>;

/**
 * English, the fallback of every other language. Its first-page part ships with the first page; the parts of
 * the lazily loaded screens are added by them (addEnglish) before they render.
 */
const english: Partial<Catalogue> = { ...en };

// Chinese is fetched only by those who read it (all of it at once: it is not on the English first page).
const mainCatalogues: Record<Language, () => Promise<Partial<Catalogue>>> = {
  en: () => Promise.resolve({}),
  'zh-CN': () => import('./zh-CN.ts').then((module) => module.zhCN),
};

let language: Language = 'en';
let catalogue: Partial<Catalogue> = english;
let latestRequest = 0;
/** The language being loaded or, when none is, the one shown: a catalogue registered meanwhile loads this one. */
let target: Language = 'en';
const loaders = new Set<CatalogueLoader>();
const listeners = new Set<() => void>();

/** Fills `{name}` placeholders; unknown ones stay visible rather than vanish. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}

export function t(key: MessageKey, params: MessageParams = {}): string {
  // The key itself, never a crash, for a text whose chunk has not registered it (a bug a test would show).
  return format(catalogue[key] ?? english[key] ?? key, params);
}

/** Adds a lazily loaded screen's English texts (imported by that screen's chunk, before anything renders). */
export function addEnglish(part: Partial<Catalogue>) {
  Object.assign(english, part);
}

export function getLanguage(): Language {
  return language;
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function apply(next: Language, nextCatalogue: Partial<Catalogue>, extras: (() => void)[] = []) {
  for (const use of extras) use();
  language = next;
  catalogue = nextCatalogue;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** Loads every catalogue of `next`, then switches them all at once, so a page never shows two languages. */
async function load(next: Language): Promise<void> {
  const request = ++latestRequest;
  target = next;
  try {
    const [main, extras] = await Promise.all([mainCatalogues[next](), Promise.all([...loaders].map((loader) => loader(next)))]);
    if (request === latestRequest) apply(next, next === 'en' ? english : main, extras);
  } catch (error) {
    if (request === latestRequest) target = language;
    // A catalogue that cannot be fetched (offline, a new version deployed) leaves the current language in place.
    console.warn(`Could not load the ${next} texts`, error);
  }
}

/** The user's choice from the header: remembered as a preference, applied without a reload. */
export function chooseLanguage(next: Language): Promise<void> {
  storeLanguage(safeLocalStorage(), next);
  return load(next);
}

/**
 * Makes a further catalogue follow the language. It is loaded for the current language now (the returned
 * promise) and with every later switch, before the switch shows.
 */
export async function registerCatalogue(loader: CatalogueLoader): Promise<void> {
  loaders.add(loader);
  const use = await loader(target);
  use();
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** A promise React's `use` reads without suspending once it settled (the fields React itself sets). */
function tracked(promise: Promise<void>): Promise<void> {
  const thenable = promise as Promise<void> & { status?: string; value?: undefined };
  void promise.then(() => Object.assign(thenable, { status: 'fulfilled', value: undefined }));
  return thenable;
}

function start(): Promise<void> {
  const first = initialLanguage(safeLocalStorage());
  if (first === 'en') {
    apply('en', english);
    return Object.assign(Promise.resolve(), { status: 'fulfilled', value: undefined });
  }
  return tracked(load(first));
}

/** Settles once the first page's language is loaded; never rejects (English stays when Chinese cannot load). */
export const languageReady: Promise<void> = start();

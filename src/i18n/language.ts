/** The languages the console speaks, by their BCP 47 tags (also the values of `<html lang>`). */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as the switcher offers it. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** A preference, like a theme: never a token or anything about the user. */
const PREFERENCE_KEY = 'agent-console.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The browser's first language the console speaks: any Chinese (zh, zh-CN, zh-TW, …) → Chinese, any English
 * → English, in the user's order of preference; English when none is either.
 */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language | undefined {
  try {
    const value = storage?.getItem(PREFERENCE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled: the browser's language it is
  }
}

export function storeLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language) {
  try {
    storage?.setItem(PREFERENCE_KEY, language);
  } catch {
    // Full or disabled storage: the choice holds for this page only.
  }
}

/** The stored choice first, else the browser's languages. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  if (typeof navigator === 'undefined') return 'en';
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  return storedLanguage(storage) ?? browserLanguage(languages);
}

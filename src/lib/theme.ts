/** "system" follows the browser's prefers-color-scheme; light and dark override it. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A preference, like the language: never a token or anything about the user. */
const PREFERENCE_KEY = 'agent-console.theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export function storedTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme {
  try {
    const value = storage?.getItem(PREFERENCE_KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system'; // storage disabled: the browser's scheme it is
  }
}

export function storeTheme(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, theme: Theme) {
  try {
    if (theme === 'system') storage?.removeItem(PREFERENCE_KEY);
    else storage?.setItem(PREFERENCE_KEY, theme);
  } catch {
    // Full or disabled storage: the choice holds for this page only.
  }
}

/** styles.css reads `<html data-theme>`: absent, `color-scheme: light dark` lets the browser's preference decide. */
export function applyTheme(root: HTMLElement, theme: Theme) {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // a sandboxed frame or disabled storage throws on access
  }
}

/** The theme in effect now, read again from `<html>` by the switcher. */
export function currentTheme(root: HTMLElement): Theme {
  return isTheme(root.dataset.theme) ? root.dataset.theme : 'system';
}

export function chooseTheme(theme: Theme) {
  applyTheme(document.documentElement, theme);
  storeTheme(safeLocalStorage(), theme);
}

/** Called by the entry module before anything renders, so the first paint is already in the chosen theme. */
export function applyStoredTheme() {
  applyTheme(document.documentElement, storedTheme(safeLocalStorage()));
}

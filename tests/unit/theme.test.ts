import { describe, expect, it } from 'vitest';
import { applyTheme, currentTheme, storedTheme, storeTheme } from '../../src/lib/theme.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('theme preference', () => {
  it('is "system" unless light or dark was chosen; anything else stored is ignored', () => {
    expect(storedTheme(memoryStorage())).toBe('system');
    expect(storedTheme(memoryStorage({ 'agent-console.theme': 'dark' }))).toBe('dark');
    expect(storedTheme(memoryStorage({ 'agent-console.theme': '__proto__' }))).toBe('system');
  });

  it('survives storage that throws, and choosing "system" forgets the choice', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedTheme(throwing)).toBe('system');
    expect(() => storeTheme(throwing, 'dark')).not.toThrow();
    const storage = memoryStorage();
    storeTheme(storage, 'light');
    expect([...storage.items]).toEqual([['agent-console.theme', 'light']]);
    storeTheme(storage, 'system');
    expect(storage.items.size).toBe(0);
  });

  it('sets <html data-theme> for light and dark, and removes it for system', () => {
    const root = document.createElement('html');
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    expect(currentTheme(root)).toBe('dark');
    applyTheme(root, 'system');
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(currentTheme(root)).toBe('system');
  });
});

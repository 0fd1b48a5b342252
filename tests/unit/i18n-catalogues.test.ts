import { afterEach, describe, expect, it } from 'vitest';
import { pageLanguage } from '../../dev/page-language.ts';
import { claimDoc, td } from '../../src/i18n/debugger.ts';
import { claimDocsEn, debuggerEn } from '../../src/i18n/debugger-en.ts';
import { claimDocsZh, debuggerZh } from '../../src/i18n/debugger-zh-CN.ts';
import { en } from '../../src/i18n/en.ts';
import { enSetup } from '../../src/i18n/en-setup.ts';
import { enWorkspace } from '../../src/i18n/en-workspace.ts';
import { chooseLanguage, getLanguage, t } from '../../src/i18n/index.ts';
import { browserLanguage, storedLanguage } from '../../src/i18n/language.ts';
import type { Translation } from '../../src/i18n/placeholders.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { formatDuration, formatLocalTime, formatRelative, formatTimeOfDay } from '../../src/lib/time.ts';

const CATALOGUES = [
  { name: 'console', source: { ...en, ...enWorkspace, ...enSetup }, translation: zhCN },
  { name: 'debugger', source: debuggerEn, translation: debuggerZh },
  { name: 'claim explanations', source: claimDocsEn, translation: claimDocsZh },
] as const;

/** The same placeholders `format` fills: `{name}` with a word inside. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Values that are names, not words, and read the same in Chinese. */
const SAME_IN_CHINESE = new Set(['app.title', 'calls.json', 'token.id', 'discoveryLabel', 'yaml', 'viaCode']);
const HAN = /\p{Script=Han}/u;

describe('the catalogues', () => {
  for (const { name, source, translation } of CATALOGUES) {
    it(`${name}: zh-CN has exactly the English keys, each with the same placeholders and a Chinese text`, () => {
      expect(Object.keys(translation).sort()).toEqual(Object.keys(source).sort());
      for (const [key, english] of Object.entries(source) as [string, string][]) {
        const chinese = (translation as Record<string, string>)[key] ?? '';
        expect(english.trim(), `en ${key}`).not.toBe('');
        expect(chinese.trim(), `zh-CN ${key}`).not.toBe('');
        expect(placeholders(chinese), `placeholders of ${key}`).toEqual(placeholders(english));
        if (!SAME_IN_CHINESE.has(key)) expect(chinese, `zh-CN ${key} is not translated`).toMatch(HAN);
      }
    });
  }

  it('English ships in parts (first page, workspace, setup): each text in exactly one of them', () => {
    const keys = [en, enWorkspace, enSetup].flatMap((part) => Object.keys(part));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rejects, at compile time, a translation missing a key or with other placeholders', () => {
    const source = { greeting: 'Hello {name}', bye: 'Bye' } as const;
    const missing = { greeting: '你好 {name}' } as const;
    const renamed = { greeting: '你好 {user}', bye: '再见' } as const;
    const dropped = { greeting: '你好', bye: '再见' } as const;
    const extra = { greeting: '你好 {name}', bye: '再见', extra: '多余' } as const;
    const good = { greeting: '{name}，你好', bye: '再见' } as const;
    // @ts-expect-error `bye` is missing
    const withoutKey: Translation<typeof source, typeof missing> = missing;
    // @ts-expect-error `{user}` is not the placeholder `{name}`
    const otherPlaceholder: Translation<typeof source, typeof renamed> = renamed;
    // @ts-expect-error a placeholder left out
    const noPlaceholder: Translation<typeof source, typeof dropped> = dropped;
    // @ts-expect-error a key the source does not have
    const unknownKey: Translation<typeof source, typeof extra> = extra;
    const translated: Translation<typeof source, typeof good> = good;
    expect([withoutKey, otherPlaceholder, noPlaceholder, unknownKey].length).toBe(4);
    expect(translated.greeting).toBe('{name}，你好');
  });
});

describe('choosing the language', () => {
  afterEach(async () => {
    await chooseLanguage('en');
    localStorage.clear();
  });

  it('follows the first of the browser languages the console speaks: any Chinese → Chinese', () => {
    expect(browserLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(browserLanguage(['zh-TW'])).toBe('zh-CN');
    expect(browserLanguage(['zh'])).toBe('zh-CN');
    expect(browserLanguage(['fr-FR', 'zh-Hans-CN'])).toBe('zh-CN');
    expect(browserLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(browserLanguage(['de', 'fr'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('takes only a known language from storage', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(storedLanguage(storage('zh-CN'))).toBe('zh-CN');
    expect(storedLanguage(storage('en'))).toBe('en');
    expect(storedLanguage(storage('__proto__'))).toBeUndefined();
    expect(storedLanguage(storage(null))).toBeUndefined();
    expect(
      storedLanguage({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBeUndefined();
  });

  it('switches every catalogue, <html lang> and Intl formatting at once, and remembers the choice', async () => {
    expect(t('auth.signIn')).toBe('Sign in');
    expect(td('accepted')).toBe('Accepted');
    await chooseLanguage('zh-CN');
    expect(getLanguage()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('agent-console.language')).toBe('zh-CN');
    expect(t('auth.signIn')).toBe('登录');
    expect(t('auth.status.signedIn', { name: 'alice' })).toBe('已登录：alice');
    expect(td('accepted')).toBe('接受');
    expect(claimDoc('iss')).toMatch(/^签发方/);
    expect(claimDoc('__proto__')).toBeUndefined();

    const now = Date.UTC(2026, 10, 29, 12, 0, 0);
    expect(formatDuration(35_999)).toBe('9小时59分钟');
    expect(formatRelative(now / 1000 + 35_999, now)).toBe('9小时59分钟后');
    expect(formatRelative(now / 1000 - 12, now)).toBe('12秒前');
    expect(formatRelative(now / 1000, now)).toBe('现在');
    expect(formatLocalTime(now / 1000)).toMatch(/^2026年11月\d+日 \d\d:00:00$/);

    await chooseLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(t('auth.signIn')).toBe('Sign in');
    expect(td('accepted')).toBe('Accepted');
    expect(formatRelative(now / 1000 - 12, now)).toBe('12 sec ago');
  });

  it('writes a time of day as Intl does in both languages, without building a formatter', () => {
    for (const at of [Date.UTC(2026, 10, 29, 0, 5, 9), Date.UTC(2026, 10, 29, 23, 59, 59), Date.UTC(2026, 0, 1, 12, 0, 0)]) {
      for (const language of ['en', 'zh-CN']) {
        expect(formatTimeOfDay(at)).toBe(new Intl.DateTimeFormat(language, { timeStyle: 'medium', hourCycle: 'h23' }).format(at));
      }
    }
  });
});

describe('the local pool and agent', () => {
  it('speak the language of ui_locales, else of Accept-Language (by weight), else English', () => {
    expect(pageLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(pageLanguage('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(pageLanguage(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pageLanguage(undefined, 'en;q=0.5, zh-TW;q=0.8')).toBe('zh-CN');
    expect(pageLanguage(undefined, 'zh;q=0, en')).toBe('en');
    expect(pageLanguage('fr', 'de')).toBe('en');
    expect(pageLanguage(undefined, undefined)).toBe('en');
  });
});

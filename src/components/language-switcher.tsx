import { chooseLanguage, t } from '../i18n/index.ts';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/language.ts';
import { useLanguage } from '../i18n/use-language.ts';

/**
 * 中文 / English, remembered as a preference. A native select like the theme control; each option is named
 * in its own language (and marked so), so a reader of either finds theirs. Switching keeps the page, the draft
 * and the conversation: only the texts change once the other catalogue has loaded.
 */
export function LanguageSwitcher() {
  const language = useLanguage();
  return (
    <label className="header-control">
      {t('language.label')}{' '}
      <select
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void chooseLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

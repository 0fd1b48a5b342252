import { useState } from 'react';
import { t } from '../i18n/index.ts';
import { chooseTheme, currentTheme, isTheme, THEMES, type Theme } from '../lib/theme.ts';

const NAMES = { system: 'theme.system', light: 'theme.light', dark: 'theme.dark' } as const;

/** System / light / dark, remembered in localStorage; a native select, so keyboards and screen readers know it. */
export function ThemeSwitcher() {
  const [theme, setTheme] = useState<Theme>(() => currentTheme(document.documentElement));
  return (
    <label className="header-control">
      {t('theme.label')}{' '}
      <select
        value={theme}
        onChange={(event) => {
          if (!isTheme(event.target.value)) return;
          chooseTheme(event.target.value);
          setTheme(event.target.value);
        }}
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(NAMES[option])}
          </option>
        ))}
      </select>
    </label>
  );
}

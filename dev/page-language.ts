/** The languages the local pool's pages and the local agent's answers come in, like the console's. */
export type PageLanguage = 'en' | 'zh-CN';

/** Accept-Language tags by weight (q), ties in the order sent; tags with q=0 are refused, not wanted. */
function acceptedTags(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const weight = options.map((option) => option.trim()).find((option) => option.startsWith('q='));
      const q = weight === undefined ? 1 : Number(weight.slice(2));
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ tag, q }) => tag !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * `ui_locales` of an OpenID request (space-separated, in order of preference) first, else Accept-Language:
 * the first Chinese (zh, zh-CN, zh-TW, …) or English tag decides; English when neither names one.
 */
export function pageLanguage(uiLocales: unknown, acceptLanguage: string | undefined): PageLanguage {
  const requested = typeof uiLocales === 'string' ? uiLocales.split(' ').filter(Boolean) : [];
  for (const tags of [requested, acceptedTags(acceptLanguage)]) {
    for (const tag of tags) {
      const primary = tag.toLowerCase().split('-')[0];
      if (primary === 'zh') return 'zh-CN';
      if (primary === 'en') return 'en';
    }
  }
  return 'en';
}

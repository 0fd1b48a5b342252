import { useSyncExternalStore } from 'react';
import { getLanguage, type Language, subscribeLanguage } from './index.ts';

/** The active language; a component calling this re-renders, with all it renders, when the user switches. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage);
}

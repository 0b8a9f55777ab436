import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, pickLocalized, toLanguage, type Language } from './languages';

/** The current language and a way to change it (re-renders every translated component). */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language) ?? DEFAULT_LANGUAGE;
  const setLanguage = useCallback((next: Language) => void i18n.changeLanguage(next), [i18n]);
  return { language, setLanguage };
}

/** `localize(nameZh, nameEn)`: the record's text in the current language, falling back to Chinese. */
export function useLocalize(): (zh: string, en: string | null | undefined) => string {
  const { language } = useLanguage();
  return useCallback((zh: string, en: string | null | undefined) => pickLocalized(language, zh, en), [language]);
}

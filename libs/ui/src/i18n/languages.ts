/** The languages every Shanhai front end ships, Chinese first: it is the default and the fallback. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'shanhai.language';

/** How each language names itself, so a reader who does not know the current one still finds theirs. */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function toLanguage(value: string | null | undefined): Language | null {
  return LANGUAGES.find((l) => l === value) ?? null;
}

/**
 * Picks the text of a bilingual record: the English one in English when there is one, the Chinese
 * one otherwise (every record has Chinese; English is optional).
 */
export function pickLocalized(language: string, zh: string, en: string | null | undefined): string {
  return language === 'en' && en && en.trim() ? en : zh;
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, toLanguage, type Language } from './languages';
import { uiMessagesEn, uiMessagesZh } from './ui-messages';

/** An app's own messages (default namespace `translation`), one tree per language. */
export type AppMessages<T extends object> = Record<Language, T>;

export interface CreateI18nOptions<T extends object> {
  readonly messages: AppMessages<T>;
  /** Where the reader's choice is remembered; `null` to remember nothing (tests, privacy modes). */
  readonly storage?: Storage | null;
  readonly document?: Document;
  /** Overrides the remembered language (tests). */
  readonly language?: Language;
}

/**
 * One i18next instance per app: messages are bundled (both languages are a few kB), so it initialises
 * synchronously and the first render is already in the right language. The chosen language is kept in
 * localStorage and mirrored to `<html lang>`, which screen readers and CJK font selection rely on.
 */
export function createI18n<T extends object>(options: CreateI18nOptions<T>): I18n {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const doc = options.document ?? (typeof document === 'undefined' ? undefined : document);
  const remembered = toLanguage(read(storage));
  const lng = options.language ?? remembered ?? DEFAULT_LANGUAGE;

  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: ['translation', 'ui'],
    defaultNS: 'translation',
    resources: {
      'zh-CN': { translation: options.messages['zh-CN'], ui: uiMessagesZh },
      en: { translation: options.messages.en, ui: uiMessagesEn },
    },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });

  if (doc) doc.documentElement.lang = lng;
  instance.on('languageChanged', (next) => {
    const language = toLanguage(next) ?? DEFAULT_LANGUAGE;
    if (doc) doc.documentElement.lang = language;
    write(storage, language);
  });
  return instance;
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself throws when storage is disabled
  }
}

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered; the reader can switch again next time
  }
}

import { createI18n, type Language } from '@shanhai/ui';
import type { i18n as I18n } from 'i18next';
import { messagesEn } from './messages.en';
import { messagesZh, type PortalMessages } from './messages.zh-CN';

declare module 'i18next' {
  // Typed keys: t('orders.list.title') compiles, a misspelt key does not.
  interface CustomTypeOptions {
    defaultNS: 'translation';
  }
  interface ResourceNamespaceMap {
    translation: PortalMessages;
  }
}

export function createPortalI18n(options: { storage?: Storage | null; language?: Language } = {}): I18n {
  return createI18n({ messages: { 'zh-CN': messagesZh, en: messagesEn }, ...options });
}

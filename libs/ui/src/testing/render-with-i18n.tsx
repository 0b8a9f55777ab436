import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/create-i18n';
import type { Language } from '../i18n/languages';

/** Renders kit components with the kit's own messages in the given language (test helper, not exported). */
export function renderWithI18n(ui: ReactElement, language: Language = 'zh-CN'): RenderResult & { i18n: ReturnType<typeof createI18n> } {
  const i18n = createI18n({ messages: { 'zh-CN': {}, en: {} }, storage: null, language });
  return { ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>), i18n };
}

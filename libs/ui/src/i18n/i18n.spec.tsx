import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from './create-i18n';
import { LanguageSwitch } from './language-switch';
import { LANGUAGE_STORAGE_KEY, pickLocalized } from './languages';
import { useLocalize } from './use-language';

const messages = { 'zh-CN': { greeting: '你好' }, en: { greeting: 'Hello' } };

function Greeting() {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <p>
      {t('greeting' as never)} · {localize('高山土豆', 'Highland potatoes')}
    </p>
  );
}

describe('createI18n', () => {
  it('starts in Chinese when nothing is remembered, and says so on <html lang>', () => {
    createI18n({ messages });
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = createI18n({ messages });
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a remembered language it does not ship', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(createI18n({ messages }).language).toBe('zh-CN');
  });
});

describe('LanguageSwitch', () => {
  it('switches every translated text and product name, remembers the choice and updates <html lang>', () => {
    const i18n = createI18n({ messages });
    render(
      <I18nextProvider i18n={i18n}>
        <LanguageSwitch />
        <Greeting />
      </I18nextProvider>,
    );
    expect(screen.getByText('你好 · 高山土豆')).toBeTruthy();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');

    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });

    expect(screen.getByText('Hello · Highland potatoes')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('pickLocalized', () => {
  it('falls back to Chinese when a record has no English', () => {
    expect(pickLocalized('en', '甘肃省', null)).toBe('甘肃省');
    expect(pickLocalized('en', '甘肃省', '  ')).toBe('甘肃省');
    expect(pickLocalized('en', '青崖县', 'Qingya County')).toBe('Qingya County');
    expect(pickLocalized('zh-CN', '青崖县', 'Qingya County')).toBe('青崖县');
  });
});

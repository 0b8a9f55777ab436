import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_AUTONYMS, LANGUAGES } from './languages';
import { useLanguage } from './use-language';

/**
 * 中文 / English as two toggle buttons. Each is labelled in its own language (with `lang`), so the
 * switch is findable by someone who cannot read the current one.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation('ui');
  const { language, setLanguage } = useLanguage();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className={['ui-lang-switch', className].filter(Boolean).join(' ')}>
      <span id={labelId} className="ui-visually-hidden">
        {t('language.label')}
      </span>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="ui-lang-switch__option"
          aria-pressed={l === language}
          onClick={() => setLanguage(l)}
        >
          {LANGUAGE_AUTONYMS[l]}
        </button>
      ))}
    </div>
  );
}

import { Button } from '@shanhai/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from '../catalog/browse-params';

/**
 * The site-wide search: Chinese, pinyin (tudou), initials (td) and English all match on the server. A new
 * search starts without the filters of the previous one, which would often leave nothing to show.
 */
export function SearchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname === '/browse' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(browseHref({ ...EMPTY_BROWSE_STATE, q: text.trim() }));
  };

  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor="site-search" className="ui-visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        className="ui-input search-form__input"
        placeholder={t('search.placeholder')}
        value={text}
        maxLength={100}
        enterKeyHint="search"
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
      />
      <Button type="submit" variant="primary" className="search-form__submit">
        {t('search.submit')}
      </Button>
    </form>
  );
}

import { LanguageSwitch } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { AccountMenu } from './account-menu';
import { BuyerNavLinks } from './cart-link';
import { SearchForm } from './search-form';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="ui-container site-header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            山海
          </span>
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <NavLink to="/" end className="site-nav__link">
            {t('nav.home')}
          </NavLink>
          <NavLink to="/browse" className="site-nav__link">
            {t('nav.browse')}
          </NavLink>
          <BuyerNavLinks />
        </nav>
        <SearchForm />
        <div className="site-header__account">
          <AccountMenu />
        </div>
        <LanguageSwitch className="site-header__language" />
      </div>
    </header>
  );
}

import { Badge } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { navigationFor, type WorkspaceKind } from '../identity/workspaces';

/** The workspace's navigation: a cooperative's shop or an official's queues; later phases mark what is coming. */
export function PortalNav({ kind }: { kind: WorkspaceKind }) {
  const { t } = useTranslation();
  return (
    <nav className="portal-nav" aria-label={t('nav.label')}>
      <p className="portal-nav__heading">{t(`nav.${kind}`)}</p>
      <ul className="portal-nav__list">
        {navigationFor(kind).map((item) => (
          <li key={item.key}>
            <NavLink to={item.path} end={item.path === '/'} className={item.comingSoon ? 'portal-nav__link portal-nav__link--coming' : 'portal-nav__link'}>
              <span>{t(`nav.items.${item.key}`)}</span>
              {item.comingSoon ? (
                <Badge tone="neutral" className="portal-nav__soon">
                  {t('nav.comingSoon')}
                </Badge>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

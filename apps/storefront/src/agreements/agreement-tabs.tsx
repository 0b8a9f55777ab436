import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** "采购协议 | 预购": the agreements list and the pre-harvest commitments, as two tabs of one place. */
export function AgreementTabs() {
  const { t } = useTranslation();
  return (
    <nav className="agreement-tabs" aria-label={t('commitments.tabs')}>
      <NavLink to="/agreements" end className="agreement-tabs__tab">
        {t('agreements.title')}
      </NavLink>
      <NavLink to="/commitments" end className="agreement-tabs__tab" data-testid="commitments-tab">
        {t('commitments.nav')}
      </NavLink>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="ui-container">
        <p className="site-footer__motto">{t('footer.motto')}</p>
        <p>{t('footer.about')}</p>
      </div>
    </footer>
  );
}

import { buttonClassName, Container } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container className="page">
      <title>{`${t('notFound.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p className="page__actions">
        <Link to="/" className={buttonClassName('primary')}>
          {t('notFound.home')}
        </Link>
      </p>
    </Container>
  );
}

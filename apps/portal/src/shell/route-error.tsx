import { Container, StatusMessage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A page that failed to render (or whose code failed to load after a deploy): offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main" className="portal-main">
      <Container className="page">
        <StatusMessage tone="error" title={t('errors.pageFailed')} onRetry={() => window.location.reload()}>
          {error instanceof Error ? <p className="error-detail">{error.message}</p> : null}
        </StatusMessage>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </Container>
    </main>
  );
}

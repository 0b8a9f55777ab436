import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one `h1`, also written into the document title. */
export function PageTitle({ children, title, actions }: { children: string; title?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page-head">
      <title>{`${title ?? children} · ${t('app.name')}`}</title>
      <h1 className="page__title">{children}</h1>
      {actions ? <div className="page-head__actions">{actions}</div> : null}
    </div>
  );
}

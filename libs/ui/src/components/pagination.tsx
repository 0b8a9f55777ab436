import { useTranslation } from 'react-i18next';
import { useLinkComponent } from './link-context';
import { pageWindow } from './page-window';

export interface PaginationProps {
  readonly page: number;
  readonly pageCount: number;
  /** The address of a page: pages are links, so they can be opened in a new tab and shared. */
  readonly hrefFor: (page: number) => string;
  readonly className?: string;
}

export function Pagination({ page, pageCount, hrefFor, className }: PaginationProps) {
  const { t } = useTranslation('ui');
  const Link = useLinkComponent();
  if (pageCount <= 1) return null;
  const slots = pageWindow(page, pageCount);
  return (
    <nav aria-label={t('pagination.label')} className={['ui-pagination', className].filter(Boolean).join(' ')}>
      <p className="ui-pagination__summary">{t('pagination.summary', { page, pageCount })}</p>
      <ul className="ui-pagination__list">
        <li>
          {page > 1 ? (
            <Link className="ui-pagination__step" href={hrefFor(page - 1)} rel="prev">
              {t('pagination.previous')}
            </Link>
          ) : (
            <span className="ui-pagination__step" aria-disabled="true">
              {t('pagination.previous')}
            </span>
          )}
        </li>
        {slots.map((slot, i) =>
          slot === 'gap' ? (
            <li key={`gap-${i}`} className="ui-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={slot} className="ui-pagination__number">
              {slot === page ? (
                <span className="ui-pagination__page" aria-current="page" aria-label={t('pagination.current', { page: slot })}>
                  {slot}
                </span>
              ) : (
                <Link className="ui-pagination__page" href={hrefFor(slot)} aria-label={t('pagination.page', { page: slot })}>
                  {slot}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link className="ui-pagination__step" href={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
            </Link>
          ) : (
            <span className="ui-pagination__step" aria-disabled="true">
              {t('pagination.next')}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

import { isApiError } from '@shanhai/api-client';
import { Button, Container, Pagination, Select, StatusMessage } from '@shanhai/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ActiveFilters } from './active-filters';
import {
  activeFilters,
  browseHref,
  effectiveSort,
  readBrowseState,
  SORTS,
  toCatalogQuery,
  withoutFilters,
  EMPTY_BROWSE_STATE,
  type BrowseState,
  type Sort,
} from './browse-params';
import { useCatalogSearch } from './catalog.queries';
import { FacetPanel } from './facet-panel';
import { ProductGrid } from './product-card';
import './browse.css';

/** Browse and search: every filter, the sort and the page live in the URL. */
export function BrowsePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useMemo(() => readBrowseState(params), [params]);
  const result = useCatalogSearch(useMemo(() => toCatalogQuery(state), [state]));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const page = result.data;
  const filterCount = activeFilters(state).length;
  const title = state.q ? t('catalog.browse.searchTitle', { q: state.q }) : t('catalog.browse.title');
  const sortOptions = SORTS.filter((s) => s !== 'relevance' || state.q).map((s) => ({ value: s, label: t(`catalog.sort.${s}`) }));

  return (
    <Container className="page browse">
      <title>{`${title} · ${t('app.name')}`}</title>
      <h1 className="page__title">{title}</h1>
      <div className="browse__layout">
        <aside className="browse__filters" aria-label={t('catalog.facets.label')}>
          <Button className="browse__filters-toggle" aria-expanded={filtersOpen} aria-controls="facet-panel" onClick={() => setFiltersOpen(!filtersOpen)}>
            {filterCount > 0 ? t('catalog.facets.toggleCount', { count: filterCount }) : t('catalog.facets.toggle')}
          </Button>
          <div id="facet-panel" className={filtersOpen ? 'browse__panel browse__panel--open' : 'browse__panel'}>
            {page ? <FacetPanel state={state} facets={page.facets} /> : null}
          </div>
        </aside>
        <div className="browse__results">
          <div className="browse__toolbar">
            <p className="browse__count" role="status">
              {page ? t('catalog.browse.count', { count: page.total }) : ''}
            </p>
            <Select
              label={t('catalog.sort.label')}
              fieldClassName="browse__sort"
              value={effectiveSort(state)}
              options={sortOptions}
              onChange={(e) => void navigate(browseHref({ ...state, sort: e.target.value as Sort, page: 1 }))}
            />
          </div>
          <ActiveFilters state={state} facets={page?.facets} items={page?.items} />
          <Results state={state} result={result} />
        </div>
      </div>
    </Container>
  );
}

function Results({ state, result }: { state: BrowseState; result: ReturnType<typeof useCatalogSearch> }) {
  const { t } = useTranslation();
  const page = result.data;

  if (result.isError && !page) {
    if (isApiError(result.error) && result.error.status === 400) {
      return (
        <StatusMessage tone="error" title={t('catalog.browse.invalidFilter')} action={<Link to={browseHref(withoutFilters(state))}>{t('catalog.filters.clearAll')}</Link>}>
          <p>{result.error.message}</p>
        </StatusMessage>
      );
    }
    return (
      <StatusMessage tone="error" title={t('catalog.browse.failed')} onRetry={() => void result.refetch()}>
        <p>{t('errors.tryLater')}</p>
      </StatusMessage>
    );
  }
  if (!page) return <StatusMessage tone="loading" />;

  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.items.length === 0) {
    if (page.total > 0) {
      return (
        <StatusMessage tone="empty" title={t('catalog.browse.pastLastPage')} action={<Link to={browseHref({ ...state, page: 1 })}>{t('catalog.browse.firstPage')}</Link>} />
      );
    }
    const hasFilters = activeFilters(state).length > 0;
    return (
      <StatusMessage
        tone="empty"
        title={t('catalog.browse.empty')}
        action={
          <>
            {hasFilters ? <Link to={browseHref(withoutFilters(state))}>{t('catalog.filters.clearAll')}</Link> : null}
            {state.q ? <Link to={browseHref(EMPTY_BROWSE_STATE)}>{t('catalog.browse.all')}</Link> : null}
          </>
        }
      >
        <p>{state.q ? t('catalog.browse.emptySearchHint') : t('catalog.browse.emptyHint')}</p>
      </StatusMessage>
    );
  }

  return (
    <div className="browse__list" aria-busy={result.isFetching}>
      <ProductGrid items={page.items} label={t('catalog.browse.listLabel')} />
      <Pagination page={page.page} pageCount={pageCount} hrefFor={(p) => browseHref({ ...state, page: p })} />
    </div>
  );
}

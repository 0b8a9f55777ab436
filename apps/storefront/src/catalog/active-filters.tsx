import type { CatalogFacets, CatalogItem } from '@shanhai/contract';
import { formatYuan } from '@shanhai/domain';
import { useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activeFilters, browseHref, withoutFilter, withoutFilters, type BrowseState, type FilterKey } from './browse-params';

/** The filters in force, each removable on its own, and all at once. */
export function ActiveFilters({ state, facets, items }: { state: BrowseState; facets?: CatalogFacets; items?: readonly CatalogItem[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const keys = activeFilters(state);
  if (keys.length === 0) return null;

  const label = (key: FilterKey): string => {
    switch (key) {
      case 'category': {
        const c = facets?.categories.find((f) => f.key === state.category);
        return c ? localize(c.nameZh, c.nameEn) : (state.category ?? '');
      }
      case 'province':
        return facets?.provinces.find((f) => f.key === state.province)?.name ?? state.province ?? '';
      case 'county':
        return facets?.counties.find((f) => f.key === state.county)?.name ?? state.county ?? '';
      case 'supplier': {
        const first = items?.[0];
        return first ? localize(first.supplierName, first.supplierNameEn) : t('catalog.filters.oneSupplier');
      }
      case 'storage':
        return state.storage ? t(`storage.${state.storage}`) : '';
      case 'certified':
        return state.certified ? t('catalog.filters.certified') : t('catalog.filters.notCertified');
      case 'inStock':
        return state.inStock ? t('catalog.filters.inStock') : t('catalog.filters.outOfStock');
      case 'price':
        if (state.priceMinFen !== null && state.priceMaxFen !== null) return `${formatYuan(state.priceMinFen)} – ${formatYuan(state.priceMaxFen)}`;
        if (state.priceMinFen !== null) return t('catalog.filters.priceFrom', { price: formatYuan(state.priceMinFen) });
        return t('catalog.filters.priceTo', { price: formatYuan(state.priceMaxFen ?? 0) });
    }
  };

  return (
    <div className="active-filters">
      <h2 className="ui-visually-hidden">{t('catalog.filters.title')}</h2>
      <ul className="active-filters__list">
        {keys.map((key) => (
          <li key={key}>
            <Link to={browseHref(withoutFilter(state, key))} className="chip" aria-label={t('catalog.filters.remove', { filter: label(key) })}>
              <span>{label(key)}</span>
              <span className="chip__x" aria-hidden="true">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link to={browseHref(withoutFilters(state))} className="active-filters__clear">
        {t('catalog.filters.clearAll')}
      </Link>
    </div>
  );
}

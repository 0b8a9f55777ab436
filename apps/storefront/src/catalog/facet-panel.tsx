import type { CatalogFacets } from '@shanhai/contract';
import { Button, Checkbox, useLocalize } from '@shanhai/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { browseHref, patchBrowseState, type BrowseState } from './browse-params';
import { PriceFilter } from './price-filter';
import { isStorageClass } from './storage-class';

// Longer lists fold behind "show all" so the price filter stays within reach on a phone.
const FOLDED_OPTIONS = 8;

interface FacetOption {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/**
 * Filters with the counts the API computed for the current result set. Each value is a link (the filtered
 * page has its own address); the selected one links back to the unfiltered page.
 */
export function FacetPanel({ state, facets }: { state: BrowseState; facets: CatalogFacets }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const moreId = useId();
  const go = (patch: Partial<BrowseState>) => void navigate(browseHref(patchBrowseState(state, patch)));

  return (
    <div className="facets">
      <FacetLinks
        title={t('catalog.facets.category')}
        selected={state.category}
        hrefFor={(category) => browseHref(patchBrowseState(state, { category }))}
        options={facets.categories.map((c) => ({ key: c.key, label: localize(c.nameZh, c.nameEn), count: c.count }))}
      />
      <FacetLinks
        title={t('catalog.facets.province')}
        selected={state.province}
        hrefFor={(province) => browseHref(patchBrowseState(state, { province }))}
        options={facets.provinces.map((p) => ({ key: p.key, label: p.name ?? p.key, count: p.count }))}
      />
      <FacetLinks
        title={t('catalog.facets.county')}
        selected={state.county}
        hrefFor={(county) => browseHref(patchBrowseState(state, { county }))}
        options={facets.counties.map((c) => ({ key: c.key, label: c.name ?? c.key, count: c.count }))}
      />
      <FacetLinks
        title={t('catalog.facets.storage')}
        selected={state.storage}
        hrefFor={(storage) => browseHref(patchBrowseState(state, { storage: storage && isStorageClass(storage) ? storage : null }))}
        options={facets.storage.filter((s) => isStorageClass(s.key)).map((s) => ({ key: s.key, label: t(`storage.${s.key as 'ambient'}`), count: s.count }))}
      />
      <div className="facet" role="group" aria-labelledby={moreId}>
        <h3 className="facet__title" id={moreId}>
          {t('catalog.facets.more')}
        </h3>
        <Checkbox
          label={t('catalog.facets.certifiedOnly')}
          detail={`(${facets.certified.yes})`}
          checked={state.certified === true}
          onChange={(e) => go({ certified: e.target.checked ? true : null })}
        />
        <Checkbox
          label={t('catalog.facets.inStockOnly')}
          detail={`(${facets.inStock.yes})`}
          checked={state.inStock === true}
          onChange={(e) => go({ inStock: e.target.checked ? true : null })}
        />
      </div>
      <PriceFilter
        key={`${state.priceMinFen}-${state.priceMaxFen}`}
        minFen={state.priceMinFen}
        maxFen={state.priceMaxFen}
        range={facets.price}
        onApply={(priceMinFen, priceMaxFen) => go({ priceMinFen, priceMaxFen })}
      />
    </div>
  );
}

function FacetLinks({
  title,
  selected,
  options,
  hrefFor,
}: {
  title: string;
  selected: string | null;
  options: readonly FacetOption[];
  hrefFor: (key: string | null) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [unfolded, setUnfolded] = useState(false);
  if (options.length === 0 && !selected) return null;
  const shown = unfolded ? options : options.slice(0, FOLDED_OPTIONS);
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 className="facet__title" id={headingId}>
        {title}
      </h3>
      <ul className="facet__list">
        {shown.map((o) => {
          const isSelected = o.key === selected;
          return (
            <li key={o.key}>
              <Link
                to={hrefFor(isSelected ? null : o.key)}
                className="facet__option"
                aria-current={isSelected ? 'true' : undefined}
                aria-label={t(isSelected ? 'catalog.facets.selectedOption' : 'catalog.facets.option', { label: o.label, count: o.count })}
              >
                <span className="facet__label">{o.label}</span>
                <span className="facet__count">{o.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {selected ? (
        <Link to={hrefFor(null)} className="facet__clear">
          {t('catalog.facets.all', { title })}
        </Link>
      ) : null}
      {options.length > FOLDED_OPTIONS ? (
        <Button variant="ghost" className="facet__fold" aria-expanded={unfolded} onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? t('catalog.facets.fewer') : t('catalog.facets.showAll', { count: options.length })}
        </Button>
      ) : null}
    </section>
  );
}

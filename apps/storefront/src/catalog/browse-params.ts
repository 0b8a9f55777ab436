import { isDivisionCode, STORAGE_CLASSES, type StorageClass } from '@shanhai/domain';
import type { CatalogQuery } from './catalog.queries';

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export type Sort = (typeof SORTS)[number];

/** Fills rows of 2, 3 and 4 cards. */
export const BROWSE_PAGE_SIZE = 24;
const MAX_PAGE = 10_000;
const MAX_FEN = 100_000_000_00;

/**
 * What the browse page shows, all of it held in the URL so a link reproduces the page exactly. Prices are
 * integer fen in the URL as in the API (`priceMinFen=3000`); the form shows them in yuan.
 */
export interface BrowseState {
  readonly q: string;
  readonly category: string | null;
  readonly province: string | null;
  readonly county: string | null;
  readonly supplier: string | null;
  readonly storage: StorageClass | null;
  readonly certified: boolean | null;
  readonly inStock: boolean | null;
  readonly priceMinFen: number | null;
  readonly priceMaxFen: number | null;
  /** null: the API's default, relevance for a search and newest otherwise. */
  readonly sort: Sort | null;
  readonly page: number;
}

export const EMPTY_BROWSE_STATE: BrowseState = {
  q: '',
  category: null,
  province: null,
  county: null,
  supplier: null,
  storage: null,
  certified: null,
  inStock: null,
  priceMinFen: null,
  priceMaxFen: null,
  sort: null,
  page: 1,
};

const CATEGORY = /^[a-z][a-z0-9_-]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the state from a URL, dropping what the API would refuse (a hand-edited or outdated link then
 * still shows products instead of an error).
 */
export function readBrowseState(params: URLSearchParams): BrowseState {
  const text = (name: string) => params.get(name)?.trim() ?? '';
  const matching = (name: string, valid: (v: string) => boolean) => (valid(text(name)) ? text(name) : null);
  const bool = (name: string) => (text(name) === 'true' ? true : text(name) === 'false' ? false : null);
  const fen = (name: string) => {
    const v = text(name);
    return /^\d{1,11}$/.test(v) && Number(v) <= MAX_FEN ? Number(v) : null;
  };
  const page = /^\d{1,5}$/.test(text('page')) ? Math.min(Math.max(1, Number(text('page'))), MAX_PAGE) : 1;
  return {
    q: text('q').slice(0, 100),
    category: matching('category', (v) => CATEGORY.test(v)),
    province: matching('province', isDivisionCode),
    county: matching('county', isDivisionCode),
    supplier: matching('supplier', (v) => UUID.test(v)),
    storage: (STORAGE_CLASSES as readonly string[]).includes(text('storage')) ? (text('storage') as StorageClass) : null,
    certified: bool('certified'),
    inStock: bool('inStock'),
    priceMinFen: fen('priceMinFen'),
    priceMaxFen: fen('priceMaxFen'),
    sort: (SORTS as readonly string[]).includes(text('sort')) ? (text('sort') as Sort) : null,
    page,
  };
}

/** The canonical query string: fixed order, defaults left out, so equal states give equal links. */
export function writeBrowseState(state: BrowseState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | boolean | null) => {
    if (value !== null && value !== '') params.set(name, String(value));
  };
  set('q', state.q.trim());
  set('category', state.category);
  set('province', state.province);
  set('county', state.county);
  set('supplier', state.supplier);
  set('storage', state.storage);
  set('certified', state.certified);
  set('inStock', state.inStock);
  set('priceMinFen', state.priceMinFen);
  set('priceMaxFen', state.priceMaxFen);
  set('sort', state.sort);
  if (state.page > 1) set('page', state.page);
  return params;
}

export function browseHref(state: BrowseState): string {
  const search = writeBrowseState(state).toString();
  return search ? `/browse?${search}` : '/browse';
}

/** A changed filter shows its first page: page 7 of the old result set means nothing in the new one. */
export function patchBrowseState(state: BrowseState, patch: Partial<BrowseState>): BrowseState {
  return { ...state, page: 1, ...patch };
}

export function effectiveSort(state: BrowseState): Sort {
  return state.sort ?? (state.q ? 'relevance' : 'newest');
}

export function toCatalogQuery(state: BrowseState, pageSize = BROWSE_PAGE_SIZE): CatalogQuery {
  const query: CatalogQuery = { page: state.page, pageSize };
  if (state.q) query.q = state.q;
  if (state.category) query.category = state.category;
  if (state.province) query.province = state.province;
  if (state.county) query.county = state.county;
  if (state.supplier) query.supplier = state.supplier;
  if (state.storage) query.storage = state.storage;
  if (state.certified !== null) query.certified = state.certified;
  if (state.inStock !== null) query.inStock = state.inStock;
  if (state.priceMinFen !== null) query.priceMinFen = state.priceMinFen;
  if (state.priceMaxFen !== null) query.priceMaxFen = state.priceMaxFen;
  if (state.sort) query.sort = state.sort;
  return query;
}

/** Filters a reader can remove one by one (the search text and sort are not filters). */
export type FilterKey = 'category' | 'province' | 'county' | 'supplier' | 'storage' | 'certified' | 'inStock' | 'price';

export function activeFilters(state: BrowseState): FilterKey[] {
  const out: FilterKey[] = [];
  if (state.category) out.push('category');
  if (state.province) out.push('province');
  if (state.county) out.push('county');
  if (state.supplier) out.push('supplier');
  if (state.storage) out.push('storage');
  if (state.certified !== null) out.push('certified');
  if (state.inStock !== null) out.push('inStock');
  if (state.priceMinFen !== null || state.priceMaxFen !== null) out.push('price');
  return out;
}

export function withoutFilter(state: BrowseState, key: FilterKey): BrowseState {
  if (key === 'price') return patchBrowseState(state, { priceMinFen: null, priceMaxFen: null });
  return patchBrowseState(state, { [key]: null });
}

export function withoutFilters(state: BrowseState): BrowseState {
  return { ...EMPTY_BROWSE_STATE, q: state.q, sort: state.sort };
}

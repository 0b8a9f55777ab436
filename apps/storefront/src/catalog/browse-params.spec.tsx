import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  browseHref,
  EMPTY_BROWSE_STATE,
  effectiveSort,
  patchBrowseState,
  readBrowseState,
  toCatalogQuery,
  withoutFilters,
  writeBrowseState,
} from './browse-params';

describe('browse state in the URL', () => {
  it('reads every filter from a shared link and writes the same link back', () => {
    const link = 'q=土豆&category=potatoes&province=620000&county=629801&storage=ambient&certified=true&inStock=true&priceMinFen=3000&priceMaxFen=5000&sort=price_asc&page=2';
    const state = readBrowseState(new URLSearchParams(link));

    expect(state).toMatchObject({ q: '土豆', category: 'potatoes', county: '629801', certified: true, priceMinFen: 3000, sort: 'price_asc', page: 2 });
    expect(writeBrowseState(state).toString()).toBe(new URLSearchParams(link).toString());
  });

  it('drops values the API would refuse, so an edited link still shows products', () => {
    const state = readBrowseState(new URLSearchParams('county=abc&storage=warm&certified=yes&priceMinFen=12.5&sort=cheapest&page=-3&supplier=42'));
    expect(state).toEqual(EMPTY_BROWSE_STATE);
  });

  it('leaves defaults out of the link', () => {
    expect(browseHref(EMPTY_BROWSE_STATE)).toBe('/browse');
    expect(browseHref({ ...EMPTY_BROWSE_STATE, q: ' tudou ' })).toBe('/browse?q=tudou');
  });

  it('goes back to the first page when a filter changes', () => {
    const onPage3 = { ...EMPTY_BROWSE_STATE, q: '苹果', page: 3 };
    expect(patchBrowseState(onPage3, { category: 'fruit' })).toMatchObject({ q: '苹果', category: 'fruit', page: 1 });
  });

  it('clears filters but keeps the search text and sort', () => {
    const state = { ...EMPTY_BROWSE_STATE, q: 'td', sort: 'name' as const, county: '629801', inStock: true, priceMaxFen: 9000 };
    expect(activeFilters(state)).toEqual(['county', 'inStock', 'price']);
    expect(withoutFilters(state)).toEqual({ ...EMPTY_BROWSE_STATE, q: 'td', sort: 'name' });
  });

  it('builds the API query with integer fen and the page size', () => {
    const state = readBrowseState(new URLSearchParams('q=potato&certified=false&priceMaxFen=4500'));
    expect(toCatalogQuery(state)).toEqual({ q: 'potato', certified: false, priceMaxFen: 4500, page: 1, pageSize: 24 });
  });

  it('sorts by relevance for a search and by newest otherwise, unless told', () => {
    expect(effectiveSort({ ...EMPTY_BROWSE_STATE, q: '土豆' })).toBe('relevance');
    expect(effectiveSort(EMPTY_BROWSE_STATE)).toBe('newest');
    expect(effectiveSort({ ...EMPTY_BROWSE_STATE, sort: 'price_desc' })).toBe('price_desc');
  });
});

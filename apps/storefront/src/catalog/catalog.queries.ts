import { expectBody } from '@shanhai/api-client';
import type { ApiOperations, CatalogPage, ProductDetail } from '@shanhai/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';

/** The browse endpoint's query parameters, as the OpenAPI document declares them. */
export type CatalogQuery = NonNullable<ApiOperations['CatalogController_browse']['parameters']['query']>;

export const catalogKeys = {
  search: (query: CatalogQuery) => ['catalog', 'products', query] as const,
  product: (id: string) => ['catalog', 'product', id] as const,
};

/** One page of products with facets; the previous page stays on screen while the next one loads. */
export function useCatalogSearch(query: CatalogQuery) {
  const api = useApi();
  return useQuery({
    queryKey: catalogKeys.search(query),
    queryFn: ({ signal }) => expectBody<CatalogPage>(api.GET('/api/catalog/products', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: catalogKeys.product(id),
    queryFn: ({ signal }) => expectBody<ProductDetail>(api.GET('/api/catalog/products/{id}', { params: { path: { id } }, signal })),
  });
}

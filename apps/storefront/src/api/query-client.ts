import { isApiError } from '@shanhai/api-client';
import { QueryClient } from '@tanstack/react-query';

/**
 * Catalog data changes slowly (facet counts are cached by the API for 15 s anyway), so a page revisited
 * within 30 s is served from memory. A 4xx answer will not change on a retry; anything else is retried twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiError(error) && error.isClientError) && failureCount < 2,
      },
    },
  });
}

import { isApiError } from '@shanhai/api-client';
import { QueryClient } from '@tanstack/react-query';

/**
 * The portal's data is the signed-in organisation's own and changes under its hands (orders arrive, lots are
 * sold), so answers go stale after 10 s. A 4xx will not change on a retry; anything else is retried twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiError(error) && error.isClientError) && failureCount < 2,
      },
    },
  });
}

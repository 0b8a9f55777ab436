import { expectBody } from '@shanhai/api-client';
import type { DivisionView, PairingView } from '@shanhai/contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';

// Pairings and divisions change a few times a year: keep them for the whole visit.
const REFERENCE_STALE_MS = 60 * 60_000;

export function usePairings() {
  const api = useApi();
  return useQuery({
    queryKey: ['places', 'pairings'],
    queryFn: ({ signal }) => expectBody<PairingView[]>(api.GET('/api/pairings', { signal })),
    staleTime: REFERENCE_STALE_MS,
  });
}

export type DivisionWithPath = DivisionView & { path: DivisionView[] };

/** One division (for its English name); `enabled` lets a caller ask only when it needs one. */
export function useDivision(code: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['places', 'division', code],
    queryFn: ({ signal }) => expectBody<DivisionWithPath>(api.GET('/api/divisions/{code}', { params: { path: { code } }, signal })),
    staleTime: REFERENCE_STALE_MS,
    enabled,
  });
}

import { ApiError, expectBody } from '@shanhai/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { apiQuery, type StatsFilters } from './stats-format';
import type { Figure, GroupBy, ProgressView, ReservedShareView, StatsLinesView, StatsOrderView, TotalsView } from './stats-views';

const statsKeys = {
  all: () => ['stats'] as const,
  totals: (f: StatsFilters, groupBy: GroupBy, limit?: number) => ['stats', 'totals', f, groupBy, limit ?? null] as const,
  supplierTotals: (supplierId: string, f: StatsFilters, groupBy: GroupBy) => ['stats', 'supplier', supplierId, f, groupBy] as const,
  lines: (f: StatsFilters, groupBy: GroupBy, key: string | null, page: number, supplierId: string | null) => ['stats', 'lines', f, groupBy, key, page, supplierId] as const,
  order: (id: string) => ['stats', 'order', id] as const,
  progress: (year: number, figure: Figure) => ['stats', 'progress', year, figure] as const,
  reservedShare: (year: number) => ['stats', 'reserved-share', year] as const,
};

/** Totals of the jurisdiction over the range, grouped by one dimension (largest first, or in time order). */
export function useTotals(filters: StatsFilters, groupBy: GroupBy, limit?: number) {
  const api = useApi();
  return useQuery({
    queryKey: statsKeys.totals(filters, groupBy, limit),
    queryFn: ({ signal }) =>
      expectBody<TotalsView>(
        api.GET('/api/stats/totals', {
          params: {
            query: {
              ...apiQuery(filters),
              groupBy,
              ...(limit ? { limit } : {}),
            },
          },
          signal,
        }),
      ),
  });
}

/** A cooperative's own totals (any jurisdiction's buyers). */
export function useSupplierTotals(supplierId: string, filters: StatsFilters, groupBy: GroupBy) {
  const api = useApi();
  return useQuery({
    queryKey: statsKeys.supplierTotals(supplierId, filters, groupBy),
    queryFn: ({ signal }) =>
      expectBody<TotalsView>(
        api.GET('/api/suppliers/{id}/stats/totals', {
          params: {
            path: { id: supplierId },
            query: { ...apiQuery(filters), groupBy },
          },
          signal,
        }),
      ),
  });
}

export const LINES_PAGE_SIZE = 50;

/** The records behind one row of totals, a page at a time: the jurisdiction's, or with `supplierId` a cooperative's own. */
export function useStatsLines(filters: StatsFilters, groupBy: GroupBy, key: string | null, page: number, supplierId: string | null = null) {
  const api = useApi();
  return useQuery({
    queryKey: statsKeys.lines(filters, groupBy, key, page, supplierId),
    queryFn: ({ signal }) => {
      const query = { ...apiQuery(filters), groupBy, ...(key !== null ? { key } : {}), page, pageSize: LINES_PAGE_SIZE };
      return expectBody<StatsLinesView>(
        supplierId
          ? api.GET('/api/suppliers/{id}/stats/lines', { params: { path: { id: supplierId }, query }, signal })
          : api.GET('/api/stats/lines', { params: { query }, signal }),
      );
    },
  });
}

export function useStatsOrder(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: statsKeys.order(id),
    queryFn: ({ signal }) => expectBody<StatsOrderView>(api.GET('/api/stats/orders/{id}', { params: { path: { id } }, signal })),
  });
}

export function useProgress(year: number, figure: Figure) {
  const api = useApi();
  return useQuery({
    queryKey: statsKeys.progress(year, figure),
    queryFn: ({ signal }) =>
      expectBody<ProgressView>(
        api.GET('/api/stats/progress', {
          params: { query: { year, figure } },
          signal,
        }),
      ),
  });
}

/** Sets the jurisdiction's yearly target for a figure; the progress is read again after. */
export function useSetTarget() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; figure: Figure; amountFen: number }) => expectBody<unknown>(api.PUT('/api/stats/targets', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stats', 'progress'] }),
  });
}

export function useReservedShare(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: statsKeys.reservedShare(year),
    queryFn: ({ signal }) =>
      expectBody<ReservedShareView>(
        api.GET('/api/reserved-share/{year}', {
          params: { path: { year: String(year) } },
          signal,
        }),
      ),
  });
}

export interface DownloadedFile {
  readonly url: string;
  readonly fileName: string;
}

/**
 * Asks the API for the totals table (the jurisdiction's, or with `supplierId` a cooperative's own) as a file, with the session's token (a plain link could not send it), and
 * hands it to the browser as a download from an object URL.
 */
export function useExport(supplierId: string | null = null) {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ filters, groupBy, format }: { filters: StatsFilters; groupBy: GroupBy; format: 'csv' | 'xlsx' }): Promise<DownloadedFile> => {
      const query = { ...apiQuery(filters), groupBy, format };
      const result = supplierId
        ? await api.GET('/api/suppliers/{id}/stats/export', { params: { path: { id: supplierId }, query }, parseAs: 'blob' })
        : await api.GET('/api/stats/export', { params: { query }, parseAs: 'blob' });
      if (!result.response.ok || !result.data) throw ApiError.fromResponse(result.response, result.error);
      const disposition = result.response.headers.get('Content-Disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `shanhai-${filters.figure}-${groupBy}.${format}`;
      return { url: URL.createObjectURL(result.data as Blob), fileName };
    },
  });
}

import { expectBody } from '@shanhai/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';

/** The steps of a recomputation as the worker reports them (RECOMPUTE_PHASES in libs/persistence). */
export type RecomputePhase = 'draining' | 'rebuilding' | 'comparing' | 'repairing' | 'rollups';

export interface RecomputeProgressView {
  readonly phase: RecomputePhase;
  readonly step: number;
  readonly steps: number;
  readonly since: string;
}

export interface RecomputeDifferenceView {
  readonly figure: 'sales' | 'counted';
  readonly orderLineId: string;
  readonly businessDay: string;
  readonly expected: { readonly netFen: number; readonly lines: number };
  readonly recorded: { readonly netFen: number; readonly lines: number };
}

/** `GET /api/admin/statistics/recompute` (one run). */
export interface RecomputeRunView {
  readonly id: string;
  readonly trigger: 'schedule' | 'command' | 'operator';
  readonly from: string;
  readonly to: string;
  readonly repair: boolean;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly factsCompared: number | null;
  readonly differencesCount: number | null;
  readonly differences: readonly RecomputeDifferenceView[] | null;
  readonly repairedRecords: number | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly progress: RecomputeProgressView | null;
}

/** `GET /api/admin/statistics/status`. */
export interface PipelineStatusView {
  readonly backlogEvents: number;
  readonly oldestWaiting: string | null;
  readonly watermark: { readonly lastTxId: string; readonly lastEventId: string; readonly updatedAt: string } | null;
  readonly records: number;
}

const opsKeys = {
  status: ['operations', 'statistics-status'] as const,
  runs: ['operations', 'recompute-runs'] as const,
};

const isBusy = (runs: readonly RecomputeRunView[] | undefined) => runs?.some((r) => r.status === 'queued' || r.status === 'running') ?? false;

/** The drain's backlog and watermark, read again every 5 s while the page is open. */
export function usePipelineStatus() {
  const api = useApi();
  return useQuery({
    queryKey: opsKeys.status,
    queryFn: ({ signal }) => expectBody<PipelineStatusView>(api.GET('/api/admin/statistics/status', { signal })),
    refetchInterval: 5_000,
  });
}

/** The latest recomputations; every 2 s while one is queued or running, so its step moves on the screen. */
export function useRecomputeRuns() {
  const api = useApi();
  return useQuery({
    queryKey: opsKeys.runs,
    queryFn: ({ signal }) => expectBody<RecomputeRunView[]>(api.GET('/api/admin/statistics/recompute', { signal })),
    refetchInterval: (query) => (isBusy(query.state.data) ? 2_000 : false),
  });
}

/** Asks the worker for a recomputation of a range of days; the list is read again at once. */
export function useRequestRecompute() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; to: string; repair: boolean }) => expectBody<RecomputeRunView>(api.POST('/api/admin/statistics/recompute', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opsKeys.runs }),
  });
}

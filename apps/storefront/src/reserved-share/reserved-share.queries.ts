import { expectBody } from '@shanhai/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { IDENTITY_KEY } from '../identity/identity.queries';

export type FilingKind = 'own_canteen' | 'shared_canteen' | 'no_canteen';

/**
 * `GET /api/reserved-share/:year/organisations/:id` (and the answer to the PUT). The OpenAPI document has no
 * response schema for it and `@shanhai/contract` names no view yet, so the fields the page reads are listed
 * here (apps/api/src/statistics/reserved-share.service.ts). Money in integer fen, progress in basis points.
 */
export interface ReservedShareView {
  readonly year: number;
  /** The highest minimum any jurisdiction over the buyer's delivery sites sets, never below 100 (10%). */
  readonly minimumPermille: number;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly buyerType: string | null;
  /** Null while nothing is filed for the year. */
  readonly kind: FilingKind | null;
  readonly sharedWithId: string | null;
  readonly canteenBudgetFen: number | null;
  readonly sharePermille: number | null;
  readonly reservedFen: number | null;
  readonly filedAt: string | null;
  /** Counted assistance (completed orders, net of refunds) of this organisation in the year so far. */
  readonly ownCountedFen: number;
  /** Own canteen: the counted assistance of the canteen (this unit and the units sharing it). */
  readonly canteenCountedFen: number | null;
  readonly progressBasisPoints: number | null;
  readonly projectedYearEndFen: number | null;
  readonly projectedBasisPoints: number | null;
}

export interface ReservedShareFiling {
  readonly organisationId: string;
  readonly kind: FilingKind;
  readonly canteenBudgetFen?: number;
  readonly sharePermille?: number;
  readonly sharedWithId?: string;
}

export const reservedShareKey = (organisationId: string | null, year: number) => [IDENTITY_KEY, 'reserved-share', organisationId, year] as const;

/** The organisation's filing for the year and its progress. */
export function useReservedShare(organisationId: string | null, year: number, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: reservedShareKey(organisationId, year),
    queryFn: ({ signal }) =>
      expectBody<ReservedShareView>(
        api.GET('/api/reserved-share/{year}/organisations/{organisationId}', { params: { path: { year: String(year), organisationId: organisationId ?? '' } }, signal }),
      ),
    enabled: enabled && organisationId !== null,
  });
}

/** Files (or amends) the year's filing; the answer replaces the progress shown. */
export function useFileReservedShare(year: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filing: ReservedShareFiling) =>
      expectBody<ReservedShareView>(api.PUT('/api/reserved-share/{year}', { params: { path: { year: String(year) } }, body: filing })),
    onSuccess: (view) => queryClient.setQueryData(reservedShareKey(view.organisationId, year), view),
  });
}

/** `GET /api/organisations/:id` with the buyer type (the shared view in @shanhai/api-client leaves it out). */
export interface BuyerOrganisationView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly buyerType?: string | null;
}

/** The buyer's organisation profile: the same request (and cache entry) as `useOrganisation`. */
export function useBuyerOrganisation(organisationId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [IDENTITY_KEY, 'organisation', organisationId],
    queryFn: ({ signal }) => expectBody<BuyerOrganisationView>(api.GET('/api/organisations/{id}', { params: { path: { id: organisationId ?? '' } }, signal })),
    enabled: organisationId !== null,
    staleTime: 5 * 60_000,
  });
}

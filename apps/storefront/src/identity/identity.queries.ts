import { expectBody, type DeliverySiteView, type OrganisationSummaryView } from '@shanhai/api-client';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';

/** Everything under this key belongs to the signed-in user and is dropped on sign-out. */
export const IDENTITY_KEY = 'identity';

/** The buyer's delivery sites: their counties say which eastern city the buyer is in. */
export function useDeliverySites(organisationId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [IDENTITY_KEY, 'delivery-sites', organisationId],
    queryFn: ({ signal }) =>
      expectBody<DeliverySiteView[]>(api.GET('/api/organisations/{id}/delivery-sites', { params: { path: { id: organisationId ?? '' } }, signal })),
    enabled: organisationId !== null,
    staleTime: 5 * 60_000,
  });
}

/** The organisation's profile, read for its English name (memberships carry only the Chinese one). */
export function useOrganisation(organisationId: string | null, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [IDENTITY_KEY, 'organisation', organisationId],
    queryFn: ({ signal }) => expectBody<OrganisationSummaryView>(api.GET('/api/organisations/{id}', { params: { path: { id: organisationId ?? '' } }, signal })),
    enabled: enabled && organisationId !== null,
    staleTime: 5 * 60_000,
  });
}

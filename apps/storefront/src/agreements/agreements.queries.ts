import { expectBody } from '@shanhai/api-client';
import type { AgreementDeliveryView, AgreementPage, AgreementView, ApiComponents } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { IDENTITY_KEY } from '../identity/identity.queries';

export type ProposeAgreementBody = ApiComponents['schemas']['ProposeAgreementDto'];
export type AgreementDecision = 'accept' | 'decline' | 'withdraw';

export const agreementKeys = {
  all: () => [IDENTITY_KEY, 'agreements'] as const,
  list: (organisationId: string | null, page: number) => [IDENTITY_KEY, 'agreements', 'list', organisationId, page] as const,
  one: (id: string) => [IDENTITY_KEY, 'agreements', 'one', id] as const,
  deliveries: (id: string) => [IDENTITY_KEY, 'agreements', 'deliveries', id] as const,
};

/** The organisation's agreements (as buyer), newest first. */
export function useAgreements(organisationId: string | null, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: agreementKeys.list(organisationId, page),
    queryFn: ({ signal }) =>
      expectBody<AgreementPage>(api.GET('/api/agreements', { params: { query: { organisationId: organisationId ?? undefined, page, pageSize: 20 } }, signal })),
    enabled: organisationId !== null,
  });
}

/** One agreement: its terms and versions, progress and the next deliveries. */
export function useAgreement(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: agreementKeys.one(id),
    queryFn: ({ signal }) => expectBody<AgreementView>(api.GET('/api/agreements/{id}', { params: { path: { id } }, signal })),
  });
}

/** Every scheduled or recorded day of the period with its state (and, once generated, its order). */
export function useAgreementDeliveries(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: agreementKeys.deliveries(id),
    queryFn: ({ signal }) => expectBody<AgreementDeliveryView[]>(api.GET('/api/agreements/{id}/deliveries', { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useProposeAgreement() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeAgreementBody) => expectBody<AgreementView>(api.POST('/api/agreements', { body })),
    onSuccess: async (view) => {
      queryClient.setQueryData(agreementKeys.one(view.id), view);
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all() });
    },
  });
}

/** Every action on one agreement answers the agreement as it now stands. */
export function useAgreementAction(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: agreementKeys.all() });
  };
  return {
    decide: useMutation({
      mutationFn: (body: { version: number; decision: AgreementDecision; note?: string }) =>
        expectBody<unknown>(api.POST('/api/agreements/{id}/decision', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    pause: useMutation({
      mutationFn: (body: { from: string; until?: string; reason?: string }) =>
        expectBody<unknown>(api.POST('/api/agreements/{id}/pauses', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    resume: useMutation({
      mutationFn: () => expectBody<unknown>(api.POST('/api/agreements/{id}/resumption', { params: { path: { id } }, body: {} })),
      onSuccess: done,
    }),
    skip: useMutation({
      mutationFn: (deliveryDate: string) =>
        expectBody<unknown>(api.POST('/api/agreements/{id}/delivery-changes', { params: { path: { id } }, body: { deliveryDate, kind: 'skip' } })),
      onSuccess: done,
    }),
  };
}

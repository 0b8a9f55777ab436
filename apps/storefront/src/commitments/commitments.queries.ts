import { expectBody } from '@shanhai/api-client';
import type { AgreementView, ApiComponents, ApiOperations, BuyerOrderView, CommitmentPage, CommitmentView } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import type { AgreementTermsBody } from '../agreements/agreements.queries';
import { agreementKeys } from '../agreements/agreements.queries';
import { IDENTITY_KEY } from '../identity/identity.queries';

export type CreateCommitmentBody = ApiComponents['schemas']['CreateCommitmentDto'];
export type CommitmentOrderBody = ApiComponents['schemas']['CommitmentOrderDto'];
export type CommitmentStatusFilter = NonNullable<NonNullable<ApiOperations['CommitmentController_list']['parameters']['query']>['status']>;

export const commitmentKeys = {
  all: () => [IDENTITY_KEY, 'commitments'] as const,
  list: (organisationId: string | null, status: CommitmentStatusFilter | null, page: number) => [IDENTITY_KEY, 'commitments', 'list', organisationId, status, page] as const,
  one: (id: string) => [IDENTITY_KEY, 'commitments', 'one', id] as const,
};

/** The organisation's pre-harvest commitments, by harvest month. */
export function useCommitments(organisationId: string | null, status: CommitmentStatusFilter | null, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: commitmentKeys.list(organisationId, status, page),
    queryFn: ({ signal }) =>
      expectBody<CommitmentPage>(
        api.GET('/api/commitments', { params: { query: { organisationId: organisationId ?? undefined, ...(status ? { status } : {}), page, pageSize: 20 } }, signal }),
      ),
    enabled: organisationId !== null,
  });
}

export function useCommitment(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: commitmentKeys.one(id),
    queryFn: ({ signal }) => expectBody<CommitmentView>(api.GET('/api/commitments/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateCommitment() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommitmentBody) => expectBody<CommitmentView>(api.POST('/api/commitments', { body })),
    onSuccess: async (view) => {
      queryClient.setQueryData(commitmentKeys.one(view.id), view);
      await queryClient.invalidateQueries({ queryKey: commitmentKeys.all() });
    },
  });
}

/** Cancel it, order from it, or turn it into an agreement proposal. */
export function useCommitmentAction(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: commitmentKeys.all() });
  };
  return {
    cancel: useMutation({
      mutationFn: (body: { reason?: string }) => expectBody<CommitmentView>(api.POST('/api/commitments/{id}/cancellation', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    order: useMutation({
      mutationFn: (body: CommitmentOrderBody) => expectBody<BuyerOrderView>(api.POST('/api/commitments/{id}/order', { params: { path: { id } }, body })),
      onSuccess: async () => {
        await done();
        await queryClient.invalidateQueries({ queryKey: [IDENTITY_KEY, 'orders'] });
      },
    }),
    toAgreement: useMutation({
      mutationFn: (body: AgreementTermsBody) => expectBody<AgreementView>(api.POST('/api/commitments/{id}/agreement', { params: { path: { id } }, body })),
      onSuccess: async (view) => {
        queryClient.setQueryData(agreementKeys.one(view.id), view);
        await done();
        await queryClient.invalidateQueries({ queryKey: agreementKeys.all() });
      },
    }),
  };
}

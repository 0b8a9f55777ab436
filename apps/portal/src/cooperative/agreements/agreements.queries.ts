import { expectBody } from '@shanhai/api-client';
import type { AgreementDeliveryView, AgreementPage, AgreementView, ApiComponents, CommitmentDemandView, CommitmentPage, CommitmentView, SupplierBuyerView } from '@shanhai/contract';
import type { CommitmentStatus } from '@shanhai/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';

const AGREEMENTS = 'agreements';
const COMMITMENTS = 'commitments';

export type ProposeAgreementBody = ApiComponents['schemas']['ProposeAgreementDto'];
export type AgreementTermsBody = ApiComponents['schemas']['AgreementTermsDto'];
export type AmendAgreementBody = ApiComponents['schemas']['AmendAgreementDto'];
export type PauseBody = ApiComponents['schemas']['PauseAgreementDto'];
export type ResumeBody = ApiComponents['schemas']['ResumeAgreementDto'];
export type TerminateBody = ApiComponents['schemas']['TerminateAgreementDto'];
export type DeliveryChangeBody = ApiComponents['schemas']['DeliveryChangeDto'];
export type CommitmentDecisionBody = ApiComponents['schemas']['CommitmentDecisionDto'];

/** The buyer organisations the cooperative trades with (orders, agreements, commitments), most recent order first. */
export function useSupplierBuyers(supplierId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['suppliers', supplierId, 'buyers'],
    queryFn: ({ signal }) => expectBody<SupplierBuyerView[]>(api.GET('/api/suppliers/{id}/buyers', { params: { path: { id: supplierId } }, signal })),
  });
}

/** The cooperative's agreements, newest first. */
export function useAgreements(supplierId: string, page: number, pageSize = 20) {
  const api = useApi();
  return useQuery({
    queryKey: [AGREEMENTS, 'list', supplierId, page, pageSize],
    queryFn: ({ signal }) => expectBody<AgreementPage>(api.GET('/api/agreements', { params: { query: { organisationId: supplierId, page, pageSize } }, signal })),
  });
}

export function useAgreement(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [AGREEMENTS, 'one', id],
    queryFn: ({ signal }) => expectBody<AgreementView>(api.GET('/api/agreements/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAgreementDeliveries(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [AGREEMENTS, 'deliveries', id],
    queryFn: ({ signal }) => expectBody<AgreementDeliveryView[]>(api.GET('/api/agreements/{id}/deliveries', { params: { path: { id } }, signal })),
  });
}

/** Every action on an agreement answers the agreement: keep it, and refresh the lists and the calendar. */
function useOnAgreement() {
  const queryClient = useQueryClient();
  return async (view: AgreementView) => {
    queryClient.setQueryData([AGREEMENTS, 'one', view.id], view);
    await queryClient.invalidateQueries({ queryKey: [AGREEMENTS] });
    await queryClient.invalidateQueries({ queryKey: [COMMITMENTS] });
  };
}

/** Accept or decline the pending version (the buyer's), or withdraw our own, naming the version read. */
export function useDecideAgreement(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: { version: number; decision: 'accept' | 'decline' | 'withdraw'; note?: string }) =>
      expectBody<AgreementView>(api.POST('/api/agreements/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

/** The cooperative proposes an agreement to a buyer (`buyerId`); the buyer names its delivery site on acceptance. */
export function useProposeAgreement() {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: ProposeAgreementBody) => expectBody<AgreementView>(api.POST('/api/agreements', { body })),
    onSuccess: onAgreement,
  });
}

export function useAmendAgreement(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: AmendAgreementBody) => expectBody<AgreementView>(api.POST('/api/agreements/{id}/amendments', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

export function usePauseAgreement(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: PauseBody) => expectBody<AgreementView>(api.POST('/api/agreements/{id}/pauses', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

export function useResumeAgreement(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: ResumeBody) => expectBody<AgreementView>(api.POST('/api/agreements/{id}/resumption', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

export function useTerminateAgreement(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: TerminateBody) => expectBody<AgreementView>(api.POST('/api/agreements/{id}/termination', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

/** A skip or a substitution for one scheduled day: it waits for the buyer. */
export function useProposeDeliveryChange(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: DeliveryChangeBody) => expectBody<AgreementView>(api.POST('/api/agreements/{id}/delivery-changes', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

/** Accept or decline the buyer's change, or withdraw our own. */
export function useDecideDeliveryChange(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: ({ changeId, decision }: { changeId: string; decision: 'accept' | 'decline' | 'withdraw' }) =>
      expectBody<AgreementView>(api.POST('/api/agreements/{id}/delivery-changes/{changeId}/decision', { params: { path: { id, changeId } }, body: { decision } })),
    onSuccess: onAgreement,
  });
}

/** What buyers have committed to take from the coming harvests (the next 12 months by default). */
export function useCommitmentDemand(supplierId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [AGREEMENTS, 'demand', supplierId],
    queryFn: ({ signal }) => expectBody<CommitmentDemandView>(api.GET('/api/suppliers/{id}/commitment-demand', { params: { path: { id: supplierId } }, signal })),
  });
}

/** Pre-harvest commitments addressed to the cooperative, by harvest month. */
export function useCommitments(supplierId: string, status: CommitmentStatus | '', page = 1, pageSize = 20) {
  const api = useApi();
  return useQuery({
    queryKey: [COMMITMENTS, 'list', supplierId, status, page, pageSize],
    queryFn: ({ signal }) =>
      expectBody<CommitmentPage>(
        api.GET('/api/commitments', { params: { query: { organisationId: supplierId, ...(status ? { status } : {}), page, pageSize } }, signal }),
      ),
  });
}

export function useCommitment(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [COMMITMENTS, 'one', id],
    queryFn: ({ signal }) => expectBody<CommitmentView>(api.GET('/api/commitments/{id}', { params: { path: { id } }, signal })),
  });
}

export function useDecideCommitment(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitmentDecisionBody) => expectBody<CommitmentView>(api.POST('/api/commitments/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: async (view) => {
      queryClient.setQueryData([COMMITMENTS, 'one', id], view);
      await queryClient.invalidateQueries({ queryKey: [COMMITMENTS] });
      await queryClient.invalidateQueries({ queryKey: [AGREEMENTS, 'demand'] });
    },
  });
}

/** The harvest comes: an agreement proposal made from the commitment (which becomes `converted`). */
export function useCommitmentToAgreement(id: string) {
  const api = useApi();
  const onAgreement = useOnAgreement();
  return useMutation({
    mutationFn: (body: AgreementTermsBody) => expectBody<AgreementView>(api.POST('/api/commitments/{id}/agreement', { params: { path: { id } }, body })),
    onSuccess: onAgreement,
  });
}

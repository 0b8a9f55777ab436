import { expectBody } from '@shanhai/api-client';
import type { AgreementDeliveryView, AgreementPage, AgreementView, CommitmentDemandView } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';

const AGREEMENTS = 'agreements';

/** The cooperative's agreements, newest first. */
export function useAgreements(supplierId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [AGREEMENTS, 'list', supplierId, page],
    queryFn: ({ signal }) => expectBody<AgreementPage>(api.GET('/api/agreements', { params: { query: { organisationId: supplierId, page, pageSize: 20 } }, signal })),
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

/** Accept or decline the pending version, naming the version read. */
export function useDecideAgreement(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; decision: 'accept' | 'decline'; note?: string }) =>
      expectBody<unknown>(api.POST('/api/agreements/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [AGREEMENTS] }),
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

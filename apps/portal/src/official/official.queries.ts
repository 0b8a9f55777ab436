import { expectBody } from '@shanhai/api-client';
import type { ApiComponents } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { keys } from '../api/keys';
import type { CertificationView, OrganisationView } from '../api/views';

export type VerificationStatus = 'pending' | 'verified' | 'rejected';
export type CertificationDecision = ApiComponents['schemas']['CertificationDecisionDto'];

/** Suppliers in the official's jurisdiction with one verification status (the API scopes the list). */
export function useJurisdictionSuppliers(status: VerificationStatus) {
  const api = useApi();
  return useQuery({
    queryKey: keys.organisations('supplier', status),
    queryFn: ({ signal }) => expectBody<OrganisationView[]>(api.GET('/api/organisations', { params: { query: { kind: 'supplier', verificationStatus: status } }, signal })),
  });
}

export function useVerifySupplier(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: 'verified' | 'rejected'; note?: string }) =>
      expectBody<OrganisationView>(api.POST('/api/organisations/{id}/verification', { params: { path: { id } }, body })),
    onSuccess: async (org) => {
      queryClient.setQueryData(keys.organisation(id), org);
      await queryClient.invalidateQueries({ queryKey: keys.allOrganisations() });
    },
  });
}

export function useDecideCertification(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificationDecision) => expectBody<CertificationView>(api.POST('/api/certifications/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.allCertifications() });
      await queryClient.invalidateQueries({ queryKey: keys.allProducts() });
    },
  });
}

export function useRevokeCertification(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { revokedOn: string; reason: string }) =>
      expectBody<CertificationView>(api.POST('/api/certifications/{id}/revocation', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.allCertifications() });
      await queryClient.invalidateQueries({ queryKey: keys.allProducts() });
    },
  });
}

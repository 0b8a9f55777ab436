import { expectBody } from '@shanhai/api-client';
import type { ApiComponents } from '@shanhai/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { keys } from '../../api/keys';
import type { OrganisationView, ProductionBaseView } from '../../api/views';

export type OrganisationUpdate = ApiComponents['schemas']['UpdateOrganisationDto'];
export type ProductionBaseInput = ApiComponents['schemas']['ProductionBaseDto'];

export function useUpdateOrganisation(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationUpdate) => expectBody<OrganisationView>(api.PATCH('/api/organisations/{id}', { params: { path: { id } }, body })),
    onSuccess: (org) => queryClient.setQueryData(keys.organisation(id), org),
  });
}

export function useAddProductionBase(organisationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductionBaseInput) =>
      expectBody<ProductionBaseView>(api.POST('/api/organisations/{id}/production-bases', { params: { path: { id: organisationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.bases(organisationId) }),
  });
}

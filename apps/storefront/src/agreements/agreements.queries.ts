import { expectBody } from '@shanhai/api-client';
import type { AgreementDeliveryView, AgreementPage, AgreementView, ApiComponents, CatalogPage, ProductDetail } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { IDENTITY_KEY } from '../identity/identity.queries';

export type ProposeAgreementBody = ApiComponents['schemas']['ProposeAgreementDto'];
/** The terms alone: a proposal, an amendment (with `effectiveFrom`) and a commitment's agreement all carry them whole. */
export type AgreementTermsBody = ApiComponents['schemas']['AgreementTermsDto'];
export type AmendAgreementBody = ApiComponents['schemas']['AmendAgreementDto'];
export type TerminateAgreementBody = ApiComponents['schemas']['TerminateAgreementDto'];
export type DeliveryChangeBody = ApiComponents['schemas']['DeliveryChangeDto'];
export type AgreementDecision = 'accept' | 'decline' | 'withdraw';

export const agreementKeys = {
  all: () => [IDENTITY_KEY, 'agreements'] as const,
  list: (organisationId: string | null, page: number) => [IDENTITY_KEY, 'agreements', 'list', organisationId, page] as const,
  one: (id: string) => [IDENTITY_KEY, 'agreements', 'one', id] as const,
  deliveries: (id: string) => [IDENTITY_KEY, 'agreements', 'deliveries', id] as const,
  cooperativeSkus: (supplierId: string) => ['catalog', 'supplier-skus', supplierId] as const,
};

/** One SKU a cooperative sells, with its product: what a substitution or an amendment may name. */
export interface CooperativeSku {
  productId: string;
  productNameZh: string;
  productNameEn: string | null;
  sku: ProductDetail['skus'][number];
}

/** Every SKU on sale from one cooperative, from the public catalog (its products, then each product's SKUs). */
export function useCooperativeSkus(supplierId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: agreementKeys.cooperativeSkus(supplierId),
    queryFn: async ({ signal }): Promise<CooperativeSku[]> => {
      const page = await expectBody<CatalogPage>(api.GET('/api/catalog/products', { params: { query: { supplier: supplierId, pageSize: 100 } }, signal }));
      const products = await Promise.all(
        page.items.map((item) => expectBody<ProductDetail>(api.GET('/api/catalog/products/{id}', { params: { path: { id: item.id } }, signal }))),
      );
      return products.flatMap((p) => p.skus.filter((s) => s.active).map((sku) => ({ productId: p.id, productNameZh: p.nameZh, productNameEn: p.nameEn, sku })));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

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
    substitute: useMutation({
      mutationFn: (body: DeliveryChangeBody) => expectBody<unknown>(api.POST('/api/agreements/{id}/delivery-changes', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    decideChange: useMutation({
      mutationFn: ({ changeId, decision }: { changeId: string; decision: AgreementDecision }) =>
        expectBody<unknown>(api.POST('/api/agreements/{id}/delivery-changes/{changeId}/decision', { params: { path: { id, changeId } }, body: { decision } })),
      onSuccess: done,
    }),
    amend: useMutation({
      mutationFn: (body: AmendAgreementBody) => expectBody<AgreementView>(api.POST('/api/agreements/{id}/amendments', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    terminate: useMutation({
      mutationFn: (body: TerminateAgreementBody) => expectBody<unknown>(api.POST('/api/agreements/{id}/termination', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
  };
}

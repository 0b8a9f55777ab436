import { expectBody, type ApiClient } from '@shanhai/api-client';
import type { ApiComponents } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { keys } from '../../api/keys';
import type { LotView } from '../../api/views';

export type LotInput = ApiComponents['schemas']['LotDto'];
export type LotAdjustment = ApiComponents['schemas']['AdjustLotDto'];

/** A SKU's lots, oldest harvest first, with what each held and what is left of it. */
export function useLots(skuId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.lots(skuId),
    queryFn: ({ signal }) => expectBody<LotView[]>(api.GET('/api/skus/{id}/lots', { params: { path: { id: skuId } }, signal })),
  });
}

export function addLot(api: ApiClient, skuId: string, body: LotInput): Promise<LotView> {
  return expectBody<LotView>(api.POST('/api/skus/{id}/lots', { params: { path: { id: skuId } }, body }));
}

export function adjustLot(api: ApiClient, lotId: string, body: LotAdjustment): Promise<LotView> {
  return expectBody<LotView>(api.PATCH('/api/lots/{id}', { params: { path: { id: lotId } }, body }));
}

/** Stock moved: the lots, the product (its SKUs' stock) and the product list (its total) are read again. */
export function useInvalidateStock() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.allLots() });
    await queryClient.invalidateQueries({ queryKey: keys.allProducts() });
    await queryClient.invalidateQueries({ queryKey: ['products'] });
  };
}

export function useAddLot(skuId: string) {
  const api = useApi();
  const invalidate = useInvalidateStock();
  return useMutation({ mutationFn: (body: LotInput) => addLot(api, skuId, body), onSuccess: invalidate });
}

export function useAdjustLot() {
  const api = useApi();
  const invalidate = useInvalidateStock();
  return useMutation({ mutationFn: ({ lotId, body }: { lotId: string; body: LotAdjustment }) => adjustLot(api, lotId, body), onSuccess: invalidate });
}

import { expectBody } from '@shanhai/api-client';
import type { PickListView, SupplierOrderDetailView } from '@shanhai/contract';
import type { SupplierOrderStatus } from '@shanhai/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { keys } from '../../api/keys';
import { blobUrlOf } from '../../common/blob-url';
import type { SupplierOrderPage } from '../../api/views';

export interface SupplierOrderFilter {
  readonly status: SupplierOrderStatus | '';
  readonly deliveryDate: string;
  readonly page: number;
}

/** The cooperative's supplier orders, soonest delivery first. */
export function useSupplierOrders(supplierId: string, filter: SupplierOrderFilter) {
  const api = useApi();
  return useQuery({
    queryKey: keys.supplierOrders(supplierId, filter.status, filter.deliveryDate, filter.page),
    queryFn: ({ signal }) =>
      expectBody<SupplierOrderPage>(
        api.GET('/api/supplier-orders', {
          params: {
            query: {
              supplierId,
              ...(filter.status ? { status: filter.status } : {}),
              ...(filter.deliveryDate ? { deliveryDate: filter.deliveryDate } : {}),
              page: filter.page,
              pageSize: 20,
            },
          },
          signal,
        }),
      ),
  });
}

export function useSupplierOrder(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.supplierOrder(id),
    queryFn: ({ signal }) => expectBody<SupplierOrderDetailView>(api.GET('/api/supplier-orders/{id}', { params: { path: { id } }, signal })),
  });
}

/** After a decision or a shipment the order, the lists and the pick list all change. */
function useOnOrderChanged(id: string) {
  const queryClient = useQueryClient();
  return async (view: SupplierOrderDetailView) => {
    queryClient.setQueryData(keys.supplierOrder(id), view);
    await queryClient.invalidateQueries({ queryKey: keys.allSupplierOrders() });
    await queryClient.invalidateQueries({ queryKey: keys.allPickLists() });
    // Rejected lines go back to stock.
    await queryClient.invalidateQueries({ queryKey: keys.allLots() });
  };
}

export interface LineDecisionInput {
  lineId: string;
  decision: 'accept' | 'reject';
  note?: string;
}

export function useDecideLines(id: string) {
  const api = useApi();
  const onChanged = useOnOrderChanged(id);
  return useMutation({
    mutationFn: (lines: LineDecisionInput[]) => expectBody<SupplierOrderDetailView>(api.POST('/api/supplier-orders/{id}/decisions', { params: { path: { id } }, body: { lines } })),
    onSuccess: onChanged,
  });
}

export function useShip(id: string) {
  const api = useApi();
  const onChanged = useOnOrderChanged(id);
  return useMutation({
    mutationFn: (body: { carrier: string; trackingNo: string; shippedOn: string }) =>
      expectBody<SupplierOrderDetailView>(api.POST('/api/supplier-orders/{id}/shipment', { params: { path: { id } }, body })),
    onSuccess: onChanged,
  });
}

/** Accepted lines still to ship, per SKU (with the lots to pick from) and per delivery site. */
export function usePickList(supplierId: string, deliveryDate: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.pickList(supplierId, deliveryDate),
    queryFn: ({ signal }) =>
      expectBody<PickListView>(api.GET('/api/suppliers/{id}/pick-list', { params: { path: { id: supplierId }, query: deliveryDate ? { deliveryDate } : {} }, signal })),
  });
}

/**
 * A receipt photo: the API serves it only with the bearer token, which an `<img src>` cannot send, so it is
 * fetched and shown from a blob URL.
 */
export function useReceiptPhoto() {
  const api = useApi();
  return useMutation({
    mutationFn: async (lineId: string) => {
      return blobUrlOf(await api.GET('/api/order-lines/{id}/receipt-photo', { params: { path: { id: lineId } }, parseAs: 'blob' }));
    },
  });
}

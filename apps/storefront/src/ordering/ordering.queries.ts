import { expectBody } from '@shanhai/api-client';
import type { BuyerOrderSummary, BuyerOrderView, CartView, CheckoutView } from '@shanhai/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { IDENTITY_KEY } from '../identity/identity.queries';

export type PaymentMethod = 'card' | 'wechat_pay' | 'alipay' | 'invoice';
export type WalletMethod = Exclude<PaymentMethod, 'invoice'>;

export interface OrderPage {
  items: BuyerOrderSummary[];
  total: number;
  page: number;
  pageSize: number;
}

// Under the identity key: a cart and orders belong to the signed-in user and go with sign-out.
export const orderingKeys = {
  cart: (organisationId: string | null, deliverySiteId?: string) => [IDENTITY_KEY, 'cart', organisationId, deliverySiteId ?? null] as const,
  carts: () => [IDENTITY_KEY, 'cart'] as const,
  orders: (organisationId: string | null, page: number) => [IDENTITY_KEY, 'orders', organisationId, page] as const,
  order: (id: string) => [IDENTITY_KEY, 'order', id] as const,
};

/** The cart priced by the server; with a delivery site, also each cooperative's delivery fee. */
export function useCart(organisationId: string | null, deliverySiteId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: orderingKeys.cart(organisationId, deliverySiteId),
    queryFn: ({ signal }) =>
      expectBody<CartView>(
        api.GET('/api/cart', { params: { query: { organisationId: organisationId ?? undefined, ...(deliverySiteId ? { deliverySiteId } : {}) } }, signal }),
      ),
    enabled: organisationId !== null,
  });
}

/** Sets a line's quantity (adds the SKU when it is not in the cart yet). */
export function useSetCartItem(organisationId: string | null) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ skuId, quantity }: { skuId: string; quantity: number }) =>
      expectBody<CartView>(api.PUT('/api/cart/items', { body: { organisationId: organisationId ?? undefined, skuId, quantity } })),
    onSuccess: (cart) => {
      queryClient.setQueryData(orderingKeys.cart(organisationId), cart);
      void queryClient.invalidateQueries({ queryKey: orderingKeys.carts() });
    },
  });
}

export function useRemoveCartItem(organisationId: string | null) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (skuId: string) =>
      expectBody<CartView>(api.DELETE('/api/cart/items/{skuId}', { params: { path: { skuId }, query: { organisationId: organisationId ?? undefined } } })),
    onSuccess: (cart) => {
      queryClient.setQueryData(orderingKeys.cart(organisationId), cart);
      void queryClient.invalidateQueries({ queryKey: orderingKeys.carts() });
    },
  });
}

export interface PlaceOrderInput {
  organisationId: string;
  deliverySiteId: string;
  deliveryDate: string;
  paymentMethod: PaymentMethod;
  /** One key per checkout attempt: a double click or a retry gets the same order back. */
  idempotencyKey: string;
}

export function usePlaceOrder() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: PlaceOrderInput) =>
      expectBody<BuyerOrderView>(api.POST('/api/orders', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: (order) => {
      queryClient.setQueryData(orderingKeys.order(order.id), order);
      void queryClient.invalidateQueries({ queryKey: orderingKeys.carts() });
      void queryClient.invalidateQueries({ queryKey: [IDENTITY_KEY, 'orders'] });
    },
  });
}

/** Opens (or reuses) the Stripe Checkout session for an order awaiting payment. */
export function useOpenCheckout() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ orderId, method }: { orderId: string; method?: WalletMethod }) =>
      expectBody<CheckoutView>(api.POST('/api/orders/{id}/payment', { params: { path: { id: orderId } }, body: method ? { method } : {} })),
  });
}

export function useOrders(organisationId: string | null, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: orderingKeys.orders(organisationId, page),
    queryFn: ({ signal }) =>
      expectBody<OrderPage>(api.GET('/api/orders', { params: { query: { organisationId: organisationId ?? undefined, page, pageSize: 20 } }, signal })),
    enabled: organisationId !== null,
  });
}

/** One order; `pollWhileUnpaid` re-reads it every second while it is unpaid (the payment webhook may be on its way). */
export function useOrder(id: string, pollWhileUnpaid = false) {
  const api = useApi();
  return useQuery({
    queryKey: orderingKeys.order(id),
    queryFn: ({ signal }) => expectBody<BuyerOrderView>(api.GET('/api/orders/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (pollWhileUnpaid && query.state.data?.paymentStatus === 'unpaid' ? 1000 : false),
  });
}

export interface LineReceipt {
  lineId: string;
  acceptedQuantity: number;
  shortQuantity: number;
  damagedQuantity: number;
  note?: string;
}

/** Records what arrived of a shipped supplier order; the order is read again afterwards. */
export function useRecordReceipt(orderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ supplierOrderId, lines }: { supplierOrderId: string; lines: LineReceipt[] }) =>
      expectBody<unknown>(api.POST('/api/supplier-orders/{id}/receipt', { params: { path: { id: supplierOrderId } }, body: { lines } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderingKeys.order(orderId) }),
  });
}

export function useEvaluateSupplierOrder(orderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ supplierOrderId, rating, comment }: { supplierOrderId: string; rating: number; comment?: string }) =>
      expectBody<unknown>(api.POST('/api/supplier-orders/{id}/evaluation', { params: { path: { id: supplierOrderId } }, body: { rating, ...(comment ? { comment } : {}) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderingKeys.order(orderId) }),
  });
}

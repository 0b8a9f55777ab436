import { binaryBody, expectBody } from '@shanhai/api-client';
import type { BuyerOrderSummary, BuyerOrderView, CartView, CheckoutView, PurchasingSettingsView, QuickOrderReport } from '@shanhai/contract';
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
  // Under 'orders': whatever refreshes the order list refreshes the approver's queue too.
  approvals: (organisationId: string | null) => [IDENTITY_KEY, 'orders', organisationId, 'pending_approval'] as const,
  order: (id: string) => [IDENTITY_KEY, 'order', id] as const,
  purchasing: (organisationId: string | null) => [IDENTITY_KEY, 'purchasing', organisationId] as const,
  receiptPhoto: (lineId: string) => [IDENTITY_KEY, 'receipt-photo', lineId] as const,
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

/** How the organisation purchases: approval threshold, net terms, whether invoice payment is allowed. */
export function usePurchasing(organisationId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: orderingKeys.purchasing(organisationId),
    queryFn: ({ signal }) =>
      expectBody<PurchasingSettingsView>(api.GET('/api/organisations/{id}/purchasing', { params: { path: { id: organisationId ?? '' } }, signal })),
    enabled: organisationId !== null,
    staleTime: 5 * 60_000,
  });
}

/** The approver's queue: orders of the organisation waiting for approval, the one that lapses first on top. */
export function usePendingApprovals(organisationId: string | null, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: orderingKeys.approvals(organisationId),
    queryFn: ({ signal }) =>
      expectBody<OrderPage>(
        api.GET('/api/orders', { params: { query: { organisationId: organisationId ?? undefined, status: 'pending_approval', pageSize: 100 } }, signal }),
      ),
    enabled: enabled && organisationId !== null,
  });
}

export type ApprovalDecision = 'approve' | 'reject';

/** An approver approves or rejects an order; the queue, the order list and the order are read again. */
export function useDecideApproval() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, decision, note }: { orderId: string; decision: ApprovalDecision; note?: string }) =>
      expectBody<BuyerOrderView>(api.POST('/api/orders/{id}/approval', { params: { path: { id: orderId } }, body: { decision, ...(note ? { note } : {}) } })),
    onSuccess: (order) => {
      queryClient.setQueryData(orderingKeys.order(order.id), order);
      void queryClient.invalidateQueries({ queryKey: [IDENTITY_KEY, 'orders'] });
    },
  });
}

function useCartReport<TInput>(call: (input: TInput) => Promise<QuickOrderReport>, organisationId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (report) => {
      queryClient.setQueryData(orderingKeys.cart(organisationId), report.cart);
      void queryClient.invalidateQueries({ queryKey: orderingKeys.carts() });
    },
  });
}

/** Pasted CSV ("SKU code,quantity" per line) added to the cart, with the API's report line by line. */
export function useQuickOrder(organisationId: string | null) {
  const api = useApi();
  return useCartReport(
    (csv: string) => expectBody<QuickOrderReport>(api.POST('/api/cart/quick-order', { body: { organisationId: organisationId ?? undefined, csv } })),
    organisationId,
  );
}

/** A past order's lines back in the cart at today's prices, with the same report as a quick order. */
export function useReorder(organisationId: string | null) {
  const api = useApi();
  return useCartReport(
    (orderId: string) => expectBody<QuickOrderReport>(api.POST('/api/orders/{id}/reorder', { params: { path: { id: orderId } } })),
    organisationId,
  );
}

/** A photo of what arrived short or damaged, sent as its bytes; the order and the photo are read again. */
export function useUploadReceiptPhoto(orderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, file }: { lineId: string; file: Blob }) =>
      expectBody<{ orderLineId: string; url: string; contentType: string }>(
        api.POST('/api/order-lines/{id}/receipt-photo', { params: { path: { id: lineId } }, ...binaryBody(file) }),
      ),
    onSuccess: (_photo, { lineId }) => {
      void queryClient.invalidateQueries({ queryKey: orderingKeys.receiptPhoto(lineId) });
      void queryClient.invalidateQueries({ queryKey: orderingKeys.order(orderId) });
    },
  });
}

/**
 * A line's receipt photo as a Blob: the API wants the bearer token, which an <img src> cannot send, so the
 * page fetches the bytes and shows them from an object URL.
 */
export function useReceiptPhoto(lineId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: orderingKeys.receiptPhoto(lineId),
    queryFn: ({ signal }) => expectBody<Blob>(api.GET('/api/order-lines/{id}/receipt-photo', { params: { path: { id: lineId } }, parseAs: 'blob', signal })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

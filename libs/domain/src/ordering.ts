/**
 * The order state machines, every allowed transition in one table each. An illegal transition is
 * refused by `assertTransition` with the current state, which the API maps to 409.
 */
export const BUYER_ORDER_STATUSES = ['pending_approval', 'awaiting_payment', 'open', 'completed', 'cancelled'] as const;
export type BuyerOrderStatus = (typeof BUYER_ORDER_STATUSES)[number];

/**
 * pending_approval: above the organisation's approval threshold, waiting for an approver.
 * awaiting_payment: card or wallet checkout opened; stock reserved until the payment deadline.
 * open: payment secured (paid, or invoice on approved net terms); suppliers fulfil.
 * completed: every line received and accepted, fully paid, evaluated (where the jurisdiction asks).
 */
export const BUYER_ORDER_TRANSITIONS: Record<BuyerOrderStatus, readonly BuyerOrderStatus[]> = {
  pending_approval: ['awaiting_payment', 'open', 'cancelled'],
  awaiting_payment: ['open', 'cancelled'],
  open: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const SUPPLIER_ORDER_STATUSES = ['pending', 'placed', 'accepted', 'shipped', 'received', 'rejected', 'cancelled'] as const;
export type SupplierOrderStatus = (typeof SUPPLIER_ORDER_STATUSES)[number];

/**
 * pending: the buyer order is not yet approved or paid; the supplier cannot act.
 * placed: the supplier accepts or rejects each line.
 * accepted: every line decided, at least one accepted; ready to ship.
 * shipped → received: the buyer has recorded what arrived for every line.
 * rejected: every line rejected by the supplier.
 */
export const SUPPLIER_ORDER_TRANSITIONS: Record<SupplierOrderStatus, readonly SupplierOrderStatus[]> = {
  pending: ['placed', 'cancelled'],
  placed: ['accepted', 'rejected', 'cancelled'],
  accepted: ['shipped', 'cancelled'],
  shipped: ['received'],
  received: [],
  rejected: [],
  cancelled: [],
};

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_TRANSITIONS: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['open', 'void'],
  open: ['paid', 'void', 'uncollectible'],
  uncollectible: ['paid', 'void'],
  paid: [],
  void: [],
};

export const PAYMENT_METHODS = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export class IllegalTransitionError extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine} cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition<S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean {
  return table[from]?.includes(to) ?? false;
}

export function assertTransition<S extends string>(machine: string, table: Record<S, readonly S[]>, from: S, to: S): void {
  if (!canTransition(table, from, to)) throw new IllegalTransitionError(machine, from, to);
}

/** The outbox event types the statistics read (DESIGN.md, counting rules). */
export const OUTBOX_EVENT_TYPES = [
  'order.paid',
  'order.completed',
  'order.cancelled',
  'order.refunded',
  'line.credited',
  'invoice.issued',
  'invoice.paid',
  'invoice.voided',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

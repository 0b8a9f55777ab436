/** The one registry of BullMQ queue names and their job payloads. */
export const QUEUES = {
  heartbeat: 'heartbeat',
  /** Cancels an unpaid or unapproved order whose reservation has expired, releasing its stock. */
  reservations: 'reservations',
  /** Settles claims (shortfall, damage, rejection, cancellation) by refund or credit note. */
  claims: 'claims',
  /** Issues invoices for orders on net terms through Stripe Invoicing. */
  invoices: 'invoices',
  /** Matches Stripe payments, refunds and invoice payments against orders. */
  paymentReconciliation: 'payment-reconciliation',
  /** Drains the outbox into the collaboration statistics. */
  statistics: 'statistics',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface HeartbeatJob {
  readonly requestedAt: string;
}

/** `expire` one order at its deadline, or `sweep` all overdue ones (the safety net if Redis lost a delayed job). */
export type ReservationJob = { readonly kind: 'expire'; readonly buyerOrderId: string } | { readonly kind: 'sweep' };

export interface ClaimJob {
  readonly claimId: string;
}

export interface InvoiceJob {
  readonly invoiceId: string;
}

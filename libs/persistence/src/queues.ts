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
  /** Catalog upkeep that follows the calendar (certified windows). */
  catalog: 'catalog-maintenance',
  /** Drains the outbox into the collaboration statistics. */
  statistics: 'statistics',
  /** Procurement agreements: holds stock ahead and generates each scheduled delivery's order once. */
  agreements: 'agreements',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface HeartbeatJob {
  readonly requestedAt: string;
}

/** `expire` one order at its deadline, or `sweep` all overdue ones (the safety net if Redis lost a delayed job). */
export type ReservationJob = { readonly kind: 'expire'; readonly buyerOrderId: string } | { readonly kind: 'sweep' };

/** `claimId`: settle one claim; `sweep`: settle every claim still open and retry refunds left pending (the safety net). */
export type ClaimJob = { readonly claimId: string } | { readonly sweep: true };

/** `invoiceId`: issue one draft invoice through Stripe Invoicing; `sweep`: issue every draft left behind. */
export type InvoiceJob = { readonly invoiceId: string } | { readonly sweep: true };

/** Compares Stripe with our orders over the last `days` days and writes a report (`reportId` when the operator asked for it). */
export interface PaymentReconciliationJob {
  readonly trigger: 'schedule' | 'operator';
  readonly reportId?: string;
  readonly days?: number;
}

export interface CatalogMaintenanceJob {
  readonly kind: 'certified-windows';
}

/**
 * `drain`: apply the outbox to the statistics (repeatable every few seconds; duplicates are harmless);
 * `recompute`: rebuild a range of days from the orders, compare and repair (nightly, or asked for).
 */
/** The steps of a recomputation, in order: reported as its job's progress (`job.progress`) while it runs. */
export const RECOMPUTE_PHASES = ['draining', 'rebuilding', 'comparing', 'repairing', 'rollups'] as const;
export type RecomputePhase = (typeof RECOMPUTE_PHASES)[number];

/** A recomputation's progress: the step it is on (1-based) of all steps, and when that step began. */
export interface RecomputeProgress {
  readonly phase: RecomputePhase;
  readonly step: number;
  readonly steps: number;
  readonly since: string;
}

/** The progress object of a phase. */
export function recomputeProgress(phase: RecomputePhase, now = new Date()): RecomputeProgress {
  return { phase, step: RECOMPUTE_PHASES.indexOf(phase) + 1, steps: RECOMPUTE_PHASES.length, since: now.toISOString() };
}

export type StatisticsJob =
  | { readonly kind: 'drain' }
  | { readonly kind: 'recompute'; readonly runId: string; readonly from: string; readonly to: string; readonly repair: boolean };

/**
 * `generate`: one agreement now (after it was accepted or changed), or `sweep`: every running
 * agreement — hold stock for the coming days, generate the deliveries that are due, record missed
 * ones, close agreements whose last day has passed. Repeatable and duplicable: exactly-once is the
 * unique (agreement_id, delivery_date) key in PostgreSQL.
 */
export type AgreementJob = { readonly kind: 'generate'; readonly agreementId: string } | { readonly kind: 'sweep' };

import { EntityManager } from 'typeorm';
import { assertTransition, businessDay, INVOICE_TRANSITIONS } from '@shanhai/domain';
import type { InvoiceStatus } from '@shanhai/domain';
import { OrderCompletionRepository, OutboxRepository } from '@shanhai/persistence';
import type { CompletionOutcome } from '@shanhai/persistence';
import { updateReturning } from './sql';

export interface InvoiceRow {
  readonly id: string;
  readonly buyerOrderId: string;
  readonly stripeInvoiceId: string | null;
  readonly status: InvoiceStatus;
  readonly amountFen: number;
  readonly creditedFen: number;
  readonly number: string | null;
  readonly hostedInvoiceUrl: string | null;
  readonly issuedAt: Date | null;
  readonly dueDate: string | null;
  /** A draft is not issued before this business day (an agreement invoiced monthly: its statement day). */
  readonly issueOn: string | null;
  readonly paidAt: Date | null;
  readonly transferReference: string | null;
  readonly transferDate: string | null;
  readonly transferRecordedBy: string | null;
  readonly voidedAt: Date | null;
  readonly voidReason: string | null;
  readonly createdAt: Date;
}

const COLUMNS = `id, buyer_order_id, stripe_invoice_id, status, amount_fen, credited_fen, number, hosted_invoice_url, issued_at, due_date::text AS due_date,
  issue_on::text AS issue_on, paid_at, transfer_reference, transfer_date::text AS transfer_date, transfer_recorded_by, voided_at, void_reason, created_at`;

const date = (v: unknown): Date | null => (v ? new Date(v as string) : null);

function toRow(r: Record<string, unknown>): InvoiceRow {
  return {
    id: r.id as string,
    buyerOrderId: r.buyer_order_id as string,
    stripeInvoiceId: (r.stripe_invoice_id as string | null) ?? null,
    status: r.status as InvoiceStatus,
    amountFen: Number(r.amount_fen),
    creditedFen: Number(r.credited_fen),
    number: (r.number as string | null) ?? null,
    hostedInvoiceUrl: (r.hosted_invoice_url as string | null) ?? null,
    issuedAt: date(r.issued_at),
    dueDate: (r.due_date as string | null) ?? null,
    issueOn: (r.issue_on as string | null) ?? null,
    paidAt: date(r.paid_at),
    transferReference: (r.transfer_reference as string | null) ?? null,
    transferDate: (r.transfer_date as string | null) ?? null,
    transferRecordedBy: (r.transfer_recorded_by as string | null) ?? null,
    voidedAt: date(r.voided_at),
    voidReason: (r.void_reason as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

export interface IssuedFacts {
  readonly number: string | null;
  readonly hostedInvoiceUrl: string | null;
  readonly dueDate: string | null;
}

/**
 * Invoice rows and their state machine (INVOICE_TRANSITIONS). Each transition writes its outbox
 * event in the caller's transaction. Callers lock the buyer order before the invoice.
 */
export class InvoiceRepository {
  constructor(
    private readonly outbox = new OutboxRepository(),
    private readonly completion = new OrderCompletionRepository(),
  ) {}

  async get(db: EntityManager, id: string, lock = false): Promise<InvoiceRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM invoices WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return r ? toRow(r) : null;
  }

  async byOrder(db: EntityManager, buyerOrderId: string, lock = false): Promise<InvoiceRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM invoices WHERE buyer_order_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [buyerOrderId]);
    return r ? toRow(r) : null;
  }

  async byStripeId(db: EntityManager, stripeInvoiceId: string): Promise<InvoiceRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM invoices WHERE stripe_invoice_id = $1`, [stripeInvoiceId]);
    return r ? toRow(r) : null;
  }

  async setStripeId(db: EntityManager, id: string, stripeInvoiceId: string): Promise<void> {
    await db.query(`UPDATE invoices SET stripe_invoice_id = $2 WHERE id = $1 AND stripe_invoice_id IS NULL`, [id, stripeInvoiceId]);
  }

  async lockOrder(tx: EntityManager, buyerOrderId: string): Promise<{ status: string; paymentStatus: string; organisationId: string } | null> {
    const [o] = await tx.query(`SELECT status, payment_status, organisation_id FROM buyer_orders WHERE id = $1 FOR UPDATE`, [buyerOrderId]);
    return o ? { status: o.status, paymentStatus: o.payment_status, organisationId: o.organisation_id } : null;
  }

  /** draft → open with the number and due date Stripe gave; outbox `invoice.issued`. */
  async markOpen(tx: EntityManager, invoice: InvoiceRow, facts: IssuedFacts, at: Date): Promise<InvoiceRow> {
    assertTransition('invoice', INVOICE_TRANSITIONS, invoice.status, 'open');
    const [r] = await updateReturning(
      tx,
      `UPDATE invoices SET status = 'open', number = $2, hosted_invoice_url = $3, due_date = $4, issued_at = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
      [invoice.id, facts.number, facts.hostedInvoiceUrl, facts.dueDate, at],
    );
    await this.outbox.add(tx, {
      type: 'invoice.issued',
      aggregateId: invoice.buyerOrderId,
      businessDay: businessDay(at),
      payload: { invoiceId: invoice.id, buyerOrderId: invoice.buyerOrderId, number: facts.number, amountFen: invoice.amountFen, dueDate: facts.dueDate },
    });
    return toRow(r);
  }

  async recordTransfer(tx: EntityManager, id: string, reference: string, transferDate: string, recordedBy: string | null): Promise<void> {
    await tx.query(`UPDATE invoices SET transfer_reference = $2, transfer_date = $3, transfer_recorded_by = $4 WHERE id = $1`, [id, reference, transferDate, recordedBy]);
  }

  /**
   * open | uncollectible → paid: the order's payment status becomes paid, outbox `invoice.paid`,
   * then the order completes if everything else is done. The caller holds the order's lock.
   */
  async markPaid(tx: EntityManager, invoice: InvoiceRow, at: Date): Promise<{ invoice: InvoiceRow; completion: CompletionOutcome }> {
    assertTransition('invoice', INVOICE_TRANSITIONS, invoice.status, 'paid');
    const [r] = await updateReturning(tx, `UPDATE invoices SET status = 'paid', paid_at = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [invoice.id, at]);
    const paid = toRow(r);
    await tx.query(`UPDATE buyer_orders SET payment_status = 'paid', paid_at = COALESCE(paid_at, $2) WHERE id = $1 AND payment_status = 'unpaid'`, [invoice.buyerOrderId, at]);
    await this.outbox.add(tx, {
      type: 'invoice.paid',
      aggregateId: invoice.buyerOrderId,
      businessDay: businessDay(at),
      payload: {
        invoiceId: invoice.id,
        buyerOrderId: invoice.buyerOrderId,
        number: paid.number,
        amountFen: paid.amountFen,
        creditedFen: paid.creditedFen,
        paidFen: paid.amountFen - paid.creditedFen,
        paidAt: at.toISOString(),
        transferReference: paid.transferReference,
        transferDate: paid.transferDate,
      },
    });
    const completion = await this.completion.tryComplete(tx, invoice.buyerOrderId, at);
    return { invoice: paid, completion };
  }

  /** open → uncollectible (marked so in Stripe); still payable, no statistics event. */
  async markUncollectible(tx: EntityManager, invoice: InvoiceRow): Promise<void> {
    assertTransition('invoice', INVOICE_TRANSITIONS, invoice.status, 'uncollectible');
    await tx.query(`UPDATE invoices SET status = 'uncollectible' WHERE id = $1`, [invoice.id]);
  }

  /** draft | open | uncollectible → void; outbox `invoice.voided`. */
  async markVoid(tx: EntityManager, invoice: InvoiceRow, reason: string, at: Date): Promise<InvoiceRow> {
    assertTransition('invoice', INVOICE_TRANSITIONS, invoice.status, 'void');
    const [r] = await updateReturning(tx, `UPDATE invoices SET status = 'void', voided_at = $2, void_reason = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [invoice.id, at, reason.slice(0, 200)]);
    await this.outbox.add(tx, {
      type: 'invoice.voided',
      aggregateId: invoice.buyerOrderId,
      businessDay: businessDay(at),
      payload: { invoiceId: invoice.id, buyerOrderId: invoice.buyerOrderId, number: invoice.number, amountFen: invoice.amountFen, previousStatus: invoice.status, reason },
    });
    return toRow(r);
  }

  /** Drafts not issued yet (the sweep's list): a job lost to a Redis outage, or one that failed. */
  /** Drafts due to be issued: created before the cut-off, and whose issue day (if any) has come. */
  async draftIds(db: EntityManager, createdBefore: Date, limit = 200, today: string = businessDay()): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT id FROM invoices WHERE status = 'draft' AND created_at <= $1 AND (issue_on IS NULL OR issue_on <= $3) ORDER BY created_at LIMIT $2`,
      [createdBefore, limit, today],
    );
    return rows.map((r) => r.id);
  }

  /** Unpaid invoices already issued through Stripe, and those paid since `since`: what reconciliation compares. */
  async toReconcile(db: EntityManager, since: Date): Promise<InvoiceRow[]> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT ${COLUMNS} FROM invoices WHERE stripe_invoice_id IS NOT NULL AND (status IN ('open', 'uncollectible') OR (status = 'paid' AND paid_at >= $1) OR (status = 'void' AND voided_at >= $1))`,
      [since],
    );
    return rows.map(toRow);
  }
}

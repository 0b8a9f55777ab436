import { EntityManager } from 'typeorm';
import { updateReturning } from './sql';

export type RefundReason = 'claim' | 'late_payment' | 'duplicate_payment';

export interface RefundRow {
  readonly id: string;
  readonly buyerOrderId: string;
  readonly claimId: string | null;
  readonly paymentId: string;
  readonly idempotencyKey: string;
  readonly stripeRefundId: string | null;
  readonly amountFen: number;
  /** pending → succeeded | failed */
  readonly status: string;
  readonly reason: RefundReason;
  readonly failureMessage: string | null;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
}

const COLUMNS = `id, buyer_order_id, claim_id, payment_id, idempotency_key, stripe_refund_id, amount_fen, status, reason, failure_message, created_at, settled_at`;

function toRow(r: Record<string, unknown>): RefundRow {
  return {
    id: r.id as string,
    buyerOrderId: r.buyer_order_id as string,
    claimId: (r.claim_id as string | null) ?? null,
    paymentId: r.payment_id as string,
    idempotencyKey: r.idempotency_key as string,
    stripeRefundId: (r.stripe_refund_id as string | null) ?? null,
    amountFen: Number(r.amount_fen),
    status: r.status as string,
    reason: r.reason as RefundReason,
    failureMessage: (r.failure_message as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    settledAt: r.settled_at ? new Date(r.settled_at as string) : null,
  };
}

/**
 * Refunds are written `pending` (with their idempotency key, which Stripe also receives) before
 * Stripe is asked, so a crash between the two leaves a row that the next attempt completes with the
 * same key. Their effects on the order are applied once, when the row leaves `pending`.
 */
export class RefundRepository {
  /** The refund for this key: the existing row (a retry), or a new pending one. */
  async ensure(tx: EntityManager, r: { buyerOrderId: string; claimId: string | null; paymentId: string; key: string; amountFen: number; reason: RefundReason }): Promise<RefundRow> {
    await tx.query(
      `INSERT INTO refunds (buyer_order_id, claim_id, payment_id, idempotency_key, amount_fen, status, reason)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT (idempotency_key) DO NOTHING`,
      [r.buyerOrderId, r.claimId, r.paymentId, r.key, r.amountFen, r.reason],
    );
    return (await this.byKey(tx, r.key))!;
  }

  async byId(db: EntityManager, id: string, lock = false): Promise<RefundRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return r ? toRow(r) : null;
  }

  async byKey(db: EntityManager, key: string): Promise<RefundRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE idempotency_key = $1`, [key]);
    return r ? toRow(r) : null;
  }

  async byClaim(db: EntityManager, claimId: string): Promise<RefundRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE claim_id = $1`, [claimId]);
    return r ? toRow(r) : null;
  }

  /** Our row for a Stripe refund: by its id, or by the key we put in its metadata (the webhook may beat our own update). */
  async forStripeRefund(db: EntityManager, stripeRefundId: string, key: string | undefined): Promise<RefundRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE stripe_refund_id = $1 OR idempotency_key = $2 ORDER BY (stripe_refund_id = $1) DESC NULLS LAST LIMIT 1`, [stripeRefundId, key ?? null]);
    return r ? toRow(r) : null;
  }

  async forPayment(db: EntityManager, paymentId: string): Promise<RefundRow[]> {
    const rows: Array<Record<string, unknown>> = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE payment_id = $1 ORDER BY created_at`, [paymentId]);
    return rows.map(toRow);
  }

  /** pending → succeeded, once: null when another path already settled it. */
  async markSucceeded(tx: EntityManager, id: string, stripeRefundId: string, at: Date): Promise<RefundRow | null> {
    const [r] = await updateReturning(
      tx,
      `UPDATE refunds SET status = 'succeeded', stripe_refund_id = $2, settled_at = $3, failure_message = NULL WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
      [id, stripeRefundId, at],
    );
    return r ? toRow(r) : null;
  }

  async markFailed(tx: EntityManager, id: string, message: string, stripeRefundId: string | null = null): Promise<boolean> {
    const rows = await updateReturning(
      tx,
      `UPDATE refunds SET status = 'failed', failure_message = $2, stripe_refund_id = COALESCE(stripe_refund_id, $3), settled_at = now() WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, message.slice(0, 2000), stripeRefundId],
    );
    return rows.length > 0;
  }

  async pendingIds(db: EntityManager, createdBefore: Date, limit = 200): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(`SELECT id FROM refunds WHERE status = 'pending' AND created_at <= $1 ORDER BY created_at LIMIT $2`, [createdBefore, limit]);
    return rows.map((r) => r.id);
  }

  async failed(db: EntityManager, limit = 200): Promise<RefundRow[]> {
    const rows: Array<Record<string, unknown>> = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE status = 'failed' ORDER BY created_at DESC LIMIT $1`, [limit]);
    return rows.map(toRow);
  }

  async succeededSince(db: EntityManager, since: Date): Promise<RefundRow[]> {
    const rows: Array<Record<string, unknown>> = await db.query(`SELECT ${COLUMNS} FROM refunds WHERE status = 'succeeded' AND settled_at >= $1`, [since]);
    return rows.map(toRow);
  }
}

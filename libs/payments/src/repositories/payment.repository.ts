import { EntityManager } from 'typeorm';

export interface PaymentRow {
  readonly id: string;
  readonly buyerOrderId: string;
  readonly method: string;
  readonly checkoutSessionId: string | null;
  readonly paymentIntentId: string | null;
  readonly amountFen: number;
  /** open → succeeded | failed | expired */
  readonly status: string;
  readonly checkoutUrl: string | null;
  readonly expiresAt: Date | null;
  readonly succeededAt: Date | null;
  readonly createdAt: Date;
}

const COLUMNS = `id, buyer_order_id, method, checkout_session_id, payment_intent_id, amount_fen, status, checkout_url, expires_at, succeeded_at, created_at`;

function toRow(r: Record<string, unknown>): PaymentRow {
  return {
    id: r.id as string,
    buyerOrderId: r.buyer_order_id as string,
    method: r.method as string,
    checkoutSessionId: (r.checkout_session_id as string | null) ?? null,
    paymentIntentId: (r.payment_intent_id as string | null) ?? null,
    amountFen: Number(r.amount_fen),
    status: r.status as string,
    checkoutUrl: (r.checkout_url as string | null) ?? null,
    expiresAt: r.expires_at ? new Date(r.expires_at as string) : null,
    succeededAt: r.succeeded_at ? new Date(r.succeeded_at as string) : null,
    createdAt: new Date(r.created_at as string),
  };
}

/** The `payments` rows: one per Checkout Session we opened for a buyer order. */
export class PaymentRepository {
  async byId(db: EntityManager, id: string, lock = false): Promise<PaymentRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM payments WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return r ? toRow(r) : null;
  }

  async bySession(db: EntityManager, sessionId: string, lock = false): Promise<PaymentRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM payments WHERE checkout_session_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [sessionId]);
    return r ? toRow(r) : null;
  }

  async openForOrder(db: EntityManager, buyerOrderId: string): Promise<PaymentRow[]> {
    const rows: Array<Record<string, unknown>> = await db.query(`SELECT ${COLUMNS} FROM payments WHERE buyer_order_id = $1 AND status = 'open' ORDER BY created_at DESC`, [buyerOrderId]);
    return rows.map(toRow);
  }

  async insert(tx: EntityManager, p: { buyerOrderId: string; method: string; amountFen: number; expiresAt: Date | null; checkoutSessionId?: string | null }): Promise<PaymentRow> {
    const [r] = await tx.query(
      `INSERT INTO payments (buyer_order_id, method, amount_fen, status, expires_at, checkout_session_id) VALUES ($1, $2, $3, 'open', $4, $5) RETURNING ${COLUMNS}`,
      [p.buyerOrderId, p.method, p.amountFen, p.expiresAt, p.checkoutSessionId ?? null],
    );
    return toRow(r);
  }

  async attachSession(db: EntityManager, id: string, sessionId: string, url: string | null): Promise<void> {
    await db.query(`UPDATE payments SET checkout_session_id = $2, checkout_url = COALESCE($3, checkout_url) WHERE id = $1 AND (checkout_session_id IS NULL OR checkout_session_id = $2)`, [id, sessionId, url]);
  }

  /** Moves an open payment to failed or expired; a settled one stays as it is. */
  async close(db: EntityManager, id: string, status: 'failed' | 'expired'): Promise<void> {
    await db.query(`UPDATE payments SET status = $2 WHERE id = $1 AND status = 'open'`, [id, status]);
  }

  async markSucceeded(tx: EntityManager, id: string, paymentIntentId: string | null, at: Date): Promise<void> {
    await tx.query(
      `UPDATE payments SET status = 'succeeded', succeeded_at = COALESCE(succeeded_at, $3), payment_intent_id = COALESCE(payment_intent_id, $2) WHERE id = $1`,
      [id, paymentIntentId, at],
    );
  }

  /** The payment that paid the order: succeeded, and not itself being handed back as late or duplicate. */
  async payingPayment(db: EntityManager, buyerOrderId: string): Promise<PaymentRow | null> {
    const [r] = await db.query(
      `SELECT ${COLUMNS} FROM payments p
        WHERE p.buyer_order_id = $1 AND p.status = 'succeeded'
          AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id AND r.reason IN ('late_payment', 'duplicate_payment'))
        ORDER BY p.succeeded_at, p.created_at LIMIT 1`,
      [buyerOrderId],
    );
    return r ? toRow(r) : null;
  }

  /** What can still be refunded on a payment: its amount less every refund not failed (pending ones are reserved). */
  async remainingFen(db: EntityManager, paymentId: string): Promise<number> {
    const [r] = await db.query(
      `SELECT p.amount_fen - COALESCE((SELECT SUM(amount_fen) FROM refunds WHERE payment_id = p.id AND status IN ('pending', 'succeeded')), 0) AS remaining
         FROM payments p WHERE p.id = $1`,
      [paymentId],
    );
    return r ? Number(r.remaining) : 0;
  }

  async succeededSince(db: EntityManager, since: Date): Promise<PaymentRow[]> {
    const rows: Array<Record<string, unknown>> = await db.query(`SELECT ${COLUMNS} FROM payments WHERE status = 'succeeded' AND succeeded_at >= $1`, [since]);
    return rows.map(toRow);
  }
}

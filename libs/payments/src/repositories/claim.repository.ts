import { EntityManager } from 'typeorm';
import { updateReturning } from './sql';

export interface ClaimRow {
  readonly id: string;
  readonly buyerOrderId: string;
  readonly orderLineId: string | null;
  readonly supplierOrderId: string;
  readonly reason: string;
  readonly quantity: number;
  readonly amountFen: number;
  /** open → refunded | credited | waived */
  readonly status: string;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
}

const COLUMNS = `id, buyer_order_id, order_line_id, supplier_order_id, reason, quantity, amount_fen, status, note, created_at, settled_at`;

function toRow(r: Record<string, unknown>): ClaimRow {
  return {
    id: r.id as string,
    buyerOrderId: r.buyer_order_id as string,
    orderLineId: (r.order_line_id as string | null) ?? null,
    supplierOrderId: r.supplier_order_id as string,
    reason: r.reason as string,
    quantity: Number(r.quantity),
    amountFen: Number(r.amount_fen),
    status: r.status as string,
    note: (r.note as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    settledAt: r.settled_at ? new Date(r.settled_at as string) : null,
  };
}

export class ClaimRepository {
  async get(db: EntityManager, id: string, lock = false): Promise<ClaimRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM claims WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return r ? toRow(r) : null;
  }

  /** open → refunded | credited | waived, once. */
  async settle(tx: EntityManager, id: string, status: 'refunded' | 'credited' | 'waived', at: Date): Promise<boolean> {
    const rows = await updateReturning(tx, `UPDATE claims SET status = $2, settled_at = $3 WHERE id = $1 AND status = 'open' RETURNING id`, [id, status, at]);
    return rows.length > 0;
  }

  /** Claims still open (the sweep), leaving out those whose refund failed: they wait for the operator. */
  async openIds(db: EntityManager, createdBefore: Date, limit = 500): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT c.id FROM claims c
        WHERE c.status = 'open' AND c.created_at <= $1
          AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.claim_id = c.id AND r.status = 'failed')
        ORDER BY c.created_at LIMIT $2`,
      [createdBefore, limit],
    );
    return rows.map((r) => r.id);
  }

  async openCount(db: EntityManager, createdBefore: Date): Promise<number> {
    const [r] = await db.query(`SELECT count(*)::int AS n FROM claims WHERE status = 'open' AND created_at <= $1`, [createdBefore]);
    return r.n;
  }

  /**
   * What is still owed on what the claim is for: the line's amount less what was refunded or
   * credited on it and refunds still in flight for other claims; or, for a delivery-fee claim, the
   * supplier order's fee less what other fee claims took. Never more than was charged.
   */
  async targetRemainingFen(tx: EntityManager, claim: ClaimRow): Promise<number> {
    if (claim.orderLineId) {
      const [r] = await tx.query(
        `SELECT ol.line_fen - ol.refunded_fen - ol.credited_fen
                - COALESCE((SELECT SUM(r.amount_fen) FROM refunds r JOIN claims c ON c.id = r.claim_id
                             WHERE c.order_line_id = ol.id AND r.status = 'pending' AND c.id <> $2), 0) AS remaining
           FROM order_lines ol WHERE ol.id = $1`,
        [claim.orderLineId, claim.id],
      );
      return r ? Number(r.remaining) : 0;
    }
    const [r] = await tx.query(
      `SELECT so.delivery_fee_fen
              - COALESCE((SELECT SUM(r.amount_fen) FROM refunds r JOIN claims c ON c.id = r.claim_id
                           WHERE c.supplier_order_id = so.id AND c.order_line_id IS NULL AND r.status IN ('pending', 'succeeded') AND c.id <> $2), 0)
              - COALESCE((SELECT SUM(cn.amount_fen) FROM credit_notes cn JOIN claims c ON c.id = cn.claim_id
                           WHERE c.supplier_order_id = so.id AND c.order_line_id IS NULL AND c.id <> $2), 0) AS remaining
         FROM supplier_orders so WHERE so.id = $1`,
      [claim.supplierOrderId, claim.id],
    );
    return r ? Number(r.remaining) : 0;
  }
}

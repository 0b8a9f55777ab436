import { EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import type { BuyerOrderStatus } from '@shanhai/domain';
import { OutboxRepository } from './outbox.repository';
import { StockRepository } from './stock.repository';

export type CancelOutcome =
  | { readonly cancelled: true; readonly claimIds: string[] }
  | { readonly cancelled: false; readonly status: BuyerOrderStatus };

/**
 * Cancelling a buyer order, shared by the API (a buyer cancels) and the worker (an unpaid or
 * unapproved reservation expires): in the caller's transaction, the order and its unshipped supplier
 * orders are cancelled, every reserved unit goes back to its lot, money already paid or invoiced
 * becomes claims to refund or credit, and an outbox event records it.
 */
export class OrderCancellationRepository {
  constructor(
    private readonly stock = new StockRepository(),
    private readonly outbox = new OutboxRepository(),
  ) {}

  async cancel(tx: EntityManager, buyerOrderId: string, reason: string, allowedFrom: readonly BuyerOrderStatus[]): Promise<CancelOutcome | null> {
    const [order] = await tx.query(
      `SELECT id, status, payment_status, payment_method FROM buyer_orders WHERE id = $1 FOR UPDATE`,
      [buyerOrderId],
    );
    if (!order) return null;
    if (!allowedFrom.includes(order.status)) return { cancelled: false, status: order.status };
    const [{ shipped }] = await tx.query(
      `SELECT count(*)::int AS shipped FROM supplier_orders WHERE buyer_order_id = $1 AND status IN ('shipped', 'received')`,
      [buyerOrderId],
    );
    if (shipped > 0) return { cancelled: false, status: order.status };

    await tx.query(
      `UPDATE buyer_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, payment_due_at = NULL WHERE id = $1`,
      [buyerOrderId, reason],
    );
    await tx.query(
      `UPDATE supplier_orders SET status = 'cancelled' WHERE buyer_order_id = $1 AND status IN ('pending', 'placed', 'accepted')`,
      [buyerOrderId],
    );
    const lines: Array<{ id: string }> = await tx.query(`SELECT id FROM order_lines WHERE buyer_order_id = $1`, [buyerOrderId]);
    await this.stock.release(tx, lines.map((l) => l.id));

    // Money taken (card, wallet) or billed (invoice) is owed back, line by line, delivery fees apart;
    // lines and supplier orders a cooperative rejected already carry their own claims.
    const owed = order.payment_status === 'paid' || order.payment_status === 'partially_refunded' || order.payment_method === 'invoice';
    let claimIds: string[] = [];
    if (owed) {
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO claims (buyer_order_id, order_line_id, supplier_order_id, reason, quantity, amount_fen, note)
         SELECT ol.buyer_order_id, ol.id, ol.supplier_order_id, 'cancelled', ol.quantity, ol.line_fen - ol.refunded_fen - ol.credited_fen, $2
           FROM order_lines ol WHERE ol.buyer_order_id = $1 AND ol.status <> 'rejected' AND ol.line_fen - ol.refunded_fen - ol.credited_fen > 0
         UNION ALL
         SELECT so.buyer_order_id, NULL, so.id, 'delivery_fee', 0, so.delivery_fee_fen, $2
           FROM supplier_orders so WHERE so.buyer_order_id = $1 AND so.status <> 'rejected' AND so.delivery_fee_fen > 0
         RETURNING id`,
        [buyerOrderId, reason],
      );
      claimIds = rows.map((r) => r.id);
    }
    await this.outbox.add(tx, {
      type: 'order.cancelled',
      aggregateId: buyerOrderId,
      businessDay: businessDay(),
      payload: { buyerOrderId, reason, previousStatus: order.status, paymentStatus: order.payment_status },
    });
    return { cancelled: true, claimIds };
  }

  /** Orders whose reservation deadline has passed without payment or approval. */
  async dueForExpiry(tx: EntityManager, now: Date, limit = 500): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM buyer_orders WHERE status IN ('awaiting_payment', 'pending_approval') AND payment_due_at <= $1
        ORDER BY payment_due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }
}

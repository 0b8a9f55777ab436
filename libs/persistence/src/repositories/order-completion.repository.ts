import { EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { OutboxRepository } from './outbox.repository';

export type CompletionOutcome = 'completed' | 'already_completed' | 'not_yet' | 'not_open';

/**
 * Completion (the "counted assistance" moment of the counting rules): an open buyer order is
 * complete when every supplier order is settled on the buyer's side (received, or rejected or
 * cancelled by the supplier), the order is fully paid (card/wallet paid, or its invoice paid), and,
 * where a jurisdiction containing a supplier's county asks for it, every received supplier order
 * has an evaluation. Called after each of those events, from the API and the worker; writes the
 * outbox event and the cooperatives' earnings in the same transaction.
 */
export class OrderCompletionRepository {
  constructor(private readonly outbox = new OutboxRepository()) {}

  async tryComplete(tx: EntityManager, buyerOrderId: string, at: Date = new Date()): Promise<CompletionOutcome> {
    const [order] = await tx.query(`SELECT id, status, payment_status FROM buyer_orders WHERE id = $1 FOR UPDATE`, [buyerOrderId]);
    if (!order) return 'not_open';
    if (order.status === 'completed') return 'already_completed';
    if (order.status !== 'open') return 'not_open';
    if (order.payment_status === 'unpaid') return 'not_yet';
    const [state] = await tx.query(
      `SELECT count(*) FILTER (WHERE so.status NOT IN ('received', 'rejected', 'cancelled'))::int AS unsettled,
              count(*) FILTER (WHERE so.status = 'received')::int AS received,
              count(*) FILTER (WHERE so.status = 'received' AND so.evaluated_at IS NULL AND EXISTS (
                  SELECT 1 FROM organisations j
                   WHERE j.kind = 'jurisdiction' AND j.requires_evaluation
                     AND so.supplier_county_code LIKE (CASE WHEN j.division_code LIKE '%0000' THEN left(j.division_code, 2)
                                                             WHEN j.division_code LIKE '%00' THEN left(j.division_code, 4)
                                                             ELSE j.division_code END) || '%'))::int AS awaiting_evaluation
         FROM supplier_orders so WHERE so.buyer_order_id = $1`,
      [buyerOrderId],
    );
    if (state.unsettled > 0 || state.received === 0 || state.awaiting_evaluation > 0) return 'not_yet';

    await tx.query(`UPDATE buyer_orders SET status = 'completed', completed_at = $2 WHERE id = $1`, [buyerOrderId, at]);
    // What each cooperative earned: accepted goods less what was refunded or credited on its lines.
    await tx.query(
      `INSERT INTO settlement_entries (supplier_id, kind, reference, supplier_order_id, amount_fen, note)
       SELECT so.supplier_id, 'earned', 'earned:' || so.id, so.id,
              COALESCE(SUM(ol.line_fen - ol.refunded_fen - ol.credited_fen) FILTER (WHERE ol.status = 'accepted'), 0), 'order completed'
         FROM supplier_orders so LEFT JOIN order_lines ol ON ol.supplier_order_id = so.id
        WHERE so.buyer_order_id = $1 AND so.status = 'received'
        GROUP BY so.id, so.supplier_id
       ON CONFLICT (reference) WHERE reference IS NOT NULL DO NOTHING`,
      [buyerOrderId],
    );
    await this.outbox.add(tx, { type: 'order.completed', aggregateId: buyerOrderId, businessDay: businessDay(at), payload: { buyerOrderId, completedAt: at.toISOString() } });
    return 'completed';
  }
}

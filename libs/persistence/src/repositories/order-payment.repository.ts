import { EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { OutboxRepository } from './outbox.repository';

export type MarkPaidOutcome = 'paid' | 'already_paid' | 'not_payable' | 'unknown_order';

/**
 * The one place a buyer order becomes paid (card or wallet, from the payment provider's webhook or
 * the reconciliation job), in the caller's transaction with its outbox event. Returns
 * `not_payable` when the order was cancelled or expired meanwhile: the caller must refund.
 */
export class OrderPaymentRepository {
  constructor(private readonly outbox = new OutboxRepository()) {}

  async markPaid(tx: EntityManager, buyerOrderId: string, paidAt: Date, amountFen: number): Promise<MarkPaidOutcome> {
    const [order] = await tx.query(`SELECT id, status, payment_status, total_fen FROM buyer_orders WHERE id = $1 FOR UPDATE`, [buyerOrderId]);
    if (!order) return 'unknown_order';
    if (order.payment_status !== 'unpaid') return 'already_paid';
    if (order.status !== 'awaiting_payment') return 'not_payable';
    if (Number(order.total_fen) !== amountFen) return 'not_payable';
    await tx.query(
      `UPDATE buyer_orders SET status = 'open', payment_status = 'paid', paid_at = $2, payment_due_at = NULL WHERE id = $1`,
      [buyerOrderId, paidAt],
    );
    await tx.query(`UPDATE supplier_orders SET status = 'placed' WHERE buyer_order_id = $1 AND status = 'pending'`, [buyerOrderId]);
    await this.outbox.add(tx, {
      type: 'order.paid',
      aggregateId: buyerOrderId,
      businessDay: businessDay(paidAt),
      payload: { buyerOrderId, amountFen, paidAt: paidAt.toISOString() },
    });
    return 'paid';
  }
}

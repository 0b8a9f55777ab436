import { EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { OutboxRepository } from '@shanhai/persistence';
import { paymentStatusAfterRefunds } from '../payment-rules';
import type { ClaimRow } from './claim.repository';
import type { InvoiceRow } from './invoice.repository';
import type { RefundRow } from './refund.repository';

/**
 * What a settled claim does to the order, in the caller's transaction (which holds the order's
 * lock): the line's and the order's refunded or credited amount, the payment status, the claim, the
 * outbox event the statistics read, and — when the cooperative's earnings were already booked at
 * completion — a correcting entry in its settlement ledger.
 */
export class OrderMoneyRepository {
  constructor(private readonly outbox = new OutboxRepository()) {}

  async applyRefund(tx: EntityManager, refund: RefundRow, claim: ClaimRow, at: Date): Promise<void> {
    if (claim.orderLineId) await tx.query(`UPDATE order_lines SET refunded_fen = refunded_fen + $2 WHERE id = $1`, [claim.orderLineId, refund.amountFen]);
    const [o] = await tx.query(`SELECT total_fen, refunded_fen FROM buyer_orders WHERE id = $1`, [refund.buyerOrderId]);
    const refunded = Number(o.refunded_fen) + refund.amountFen;
    await tx.query(`UPDATE buyer_orders SET refunded_fen = $2, payment_status = $3 WHERE id = $1`, [refund.buyerOrderId, refunded, paymentStatusAfterRefunds(Number(o.total_fen), refunded)]);
    await tx.query(`UPDATE claims SET status = 'refunded', settled_at = $2 WHERE id = $1 AND status = 'open'`, [claim.id, at]);
    await this.outbox.add(tx, {
      type: 'order.refunded',
      aggregateId: refund.buyerOrderId,
      businessDay: businessDay(at),
      payload: {
        buyerOrderId: refund.buyerOrderId,
        orderLineId: claim.orderLineId,
        supplierOrderId: claim.supplierOrderId,
        claimId: claim.id,
        reason: claim.reason,
        refundId: refund.id,
        stripeRefundId: refund.stripeRefundId,
        amountFen: refund.amountFen,
      },
    });
    await this.correctEarnings(tx, claim, refund.amountFen, 'refund');
  }

  /** A credit note for the claim on the order's invoice (unique per claim); false when one exists already. */
  async applyCredit(tx: EntityManager, invoice: InvoiceRow, claim: ClaimRow, amountFen: number, at: Date): Promise<string | null> {
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO credit_notes (invoice_id, claim_id, amount_fen, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (claim_id) DO NOTHING RETURNING id`,
      [invoice.id, claim.id, amountFen, `${claim.reason}${claim.note ? `: ${claim.note}` : ''}`.slice(0, 200)],
    );
    if (rows.length === 0) return null;
    await tx.query(`UPDATE invoices SET credited_fen = credited_fen + $2 WHERE id = $1`, [invoice.id, amountFen]);
    if (claim.orderLineId) await tx.query(`UPDATE order_lines SET credited_fen = credited_fen + $2 WHERE id = $1`, [claim.orderLineId, amountFen]);
    await tx.query(`UPDATE buyer_orders SET credited_fen = credited_fen + $2 WHERE id = $1`, [claim.buyerOrderId, amountFen]);
    await tx.query(`UPDATE claims SET status = 'credited', settled_at = $2 WHERE id = $1 AND status = 'open'`, [claim.id, at]);
    await this.outbox.add(tx, {
      type: 'line.credited',
      aggregateId: claim.buyerOrderId,
      businessDay: businessDay(at),
      payload: {
        buyerOrderId: claim.buyerOrderId,
        orderLineId: claim.orderLineId,
        supplierOrderId: claim.supplierOrderId,
        claimId: claim.id,
        reason: claim.reason,
        invoiceId: invoice.id,
        creditNoteId: rows[0].id,
        amountFen,
      },
    });
    await this.correctEarnings(tx, claim, amountFen, 'credit note');
    return rows[0].id;
  }

  /** Earnings are booked at completion from accepted lines net of refunds; money given back later corrects them. */
  private async correctEarnings(tx: EntityManager, claim: ClaimRow, amountFen: number, what: string): Promise<void> {
    if (!claim.orderLineId) return; // delivery fees are not part of a cooperative's earnings
    await tx.query(
      `INSERT INTO settlement_entries (supplier_id, kind, reference, supplier_order_id, amount_fen, note)
       SELECT so.supplier_id, 'adjustment', 'claim:' || $1::text, so.id, $2, $3
         FROM supplier_orders so
        WHERE so.id = $4 AND EXISTS (SELECT 1 FROM settlement_entries e WHERE e.reference = 'earned:' || so.id::text)
       ON CONFLICT (reference) WHERE reference IS NOT NULL DO NOTHING`,
      [claim.id, -amountFen, `${what} after completion (${claim.reason})`, claim.supplierOrderId],
    );
  }
}

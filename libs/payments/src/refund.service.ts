import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentsLog, silentLog } from './payments-log';
import { ClaimRepository } from './repositories/claim.repository';
import { OrderMoneyRepository } from './repositories/order-money.repository';
import { PaymentRepository } from './repositories/payment.repository';
import { RefundRepository, RefundRow } from './repositories/refund.repository';
import { isPermanentStripeError, stripeMessage } from './stripe-errors';

export type RefundApplied = 'succeeded' | 'failed' | 'pending' | 'already_settled' | 'unknown';

/**
 * Carries out refunds recorded as `pending`: asks Stripe with the row's idempotency key (so any
 * number of attempts refund once) and applies Stripe's answer. Used by the claims processor, the
 * webhook (late payments), the sweep and reconciliation.
 */
export class RefundService {
  constructor(
    private readonly db: DataSource,
    private readonly stripe: Stripe,
    private readonly log: PaymentsLog = silentLog,
    private readonly refunds = new RefundRepository(),
    private readonly payments = new PaymentRepository(),
    private readonly claims = new ClaimRepository(),
    private readonly money = new OrderMoneyRepository(),
  ) {}

  async execute(refundId: string): Promise<RefundApplied | 'missing'> {
    const refund = await this.refunds.byId(this.db.manager, refundId);
    if (!refund) return 'missing';
    if (refund.status !== 'pending') return 'already_settled';
    const payment = await this.payments.byId(this.db.manager, refund.paymentId);
    if (!refund.stripeRefundId && !payment?.paymentIntentId) {
      // Nothing Stripe could refund against: the operator has to look (reconciliation lists failed refunds).
      await this.db.transaction((tx) => this.refunds.markFailed(tx, refund.id, `payment ${refund.paymentId} has no PaymentIntent to refund`));
      return 'failed';
    }
    let answer: Stripe.Refund;
    try {
      answer = refund.stripeRefundId ? await this.stripe.refunds.retrieve(refund.stripeRefundId) : await this.create(refund, payment!.paymentIntentId!);
    } catch (err) {
      if (!isPermanentStripeError(err)) throw err;
      await this.db.transaction((tx) => this.refunds.markFailed(tx, refund.id, stripeMessage(err)));
      this.log.warn('Stripe refused a refund; it waits for the operator', { refundId: refund.id, key: refund.idempotencyKey, error: stripeMessage(err) });
      return 'failed';
    }
    return this.db.transaction((tx) => this.apply(tx, answer));
  }

  /** Retries every refund left pending (a crash between our row and Stripe's answer). */
  async retryPending(createdBefore: Date): Promise<{ retried: number; failed: number }> {
    let retried = 0;
    let failed = 0;
    for (const id of await this.refunds.pendingIds(this.db.manager, createdBefore)) {
      try {
        const outcome = await this.execute(id);
        retried++;
        if (outcome === 'failed') failed++;
      } catch (err) {
        failed++;
        this.log.warn('a pending refund could not be completed yet', { refundId: id, error: stripeMessage(err) });
      }
    }
    return { retried, failed };
  }

  /**
   * Applies Stripe's word on one of our refunds, in the caller's transaction: pending → succeeded
   * (with the claim's effects on the order, once) or failed. `unknown` when it is not ours.
   */
  async apply(tx: EntityManager, answer: Stripe.Refund, at: Date = new Date()): Promise<RefundApplied> {
    const found = await this.refunds.forStripeRefund(tx, answer.id, answer.metadata?.refund_key);
    if (!found) return 'unknown';
    // The order first, as every path that changes an order's money does: no deadlocks, one writer.
    await tx.query(`SELECT id FROM buyer_orders WHERE id = $1 FOR UPDATE`, [found.buyerOrderId]);
    const row = (await this.refunds.byId(tx, found.id, true))!;
    if (row.status !== 'pending') return 'already_settled';
    if (answer.amount !== row.amountFen) this.log.error('Stripe refunded another amount than we asked for', { refundId: row.id, asked: row.amountFen, refunded: answer.amount });
    if (answer.status === 'succeeded') {
      const done = (await this.refunds.markSucceeded(tx, row.id, answer.id, at))!;
      if (done.claimId) {
        const claim = await this.claims.get(tx, done.claimId, true);
        if (claim) await this.money.applyRefund(tx, done, claim, at);
      }
      return 'succeeded';
    }
    if (answer.status === 'failed' || answer.status === 'canceled') {
      await this.refunds.markFailed(tx, row.id, `Stripe reports the refund ${answer.status}${answer.failure_reason ? `: ${answer.failure_reason}` : ''}`, answer.id);
      return 'failed';
    }
    // Some wallets refund asynchronously: remember Stripe's id and wait for refund.updated.
    await tx.query(`UPDATE refunds SET stripe_refund_id = $2 WHERE id = $1 AND stripe_refund_id IS NULL`, [row.id, answer.id]);
    return 'pending';
  }

  private async create(refund: RefundRow, paymentIntentId: string): Promise<Stripe.Refund> {
    return this.stripe.refunds.create(
      {
        payment_intent: paymentIntentId,
        amount: refund.amountFen,
        reason: refund.reason === 'duplicate_payment' ? 'duplicate' : 'requested_by_customer',
        metadata: {
          refund_key: refund.idempotencyKey,
          refund_id: refund.id,
          buyer_order_id: refund.buyerOrderId,
          ...(refund.claimId ? { claim_id: refund.claimId } : {}),
          reason: refund.reason,
        },
      },
      { idempotencyKey: refund.idempotencyKey },
    );
  }
}

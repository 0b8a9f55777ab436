import Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { OrderPaymentRepository } from '@shanhai/persistence';
import { fromUnix } from './payment-rules';
import { PaymentRepository } from './repositories/payment.repository';
import { RefundRepository } from './repositories/refund.repository';
import { idOf } from './stripe-errors';

export type SessionOutcomeKind = 'paid' | 'already_applied' | 'not_paid' | 'expired' | 'unknown_order' | 'refund_late' | 'refund_duplicate';

export interface SessionOutcome {
  readonly kind: SessionOutcomeKind;
  readonly buyerOrderId: string | null;
  readonly paymentId: string | null;
  /** A pending refund to carry out after commit (late or duplicate payment). */
  readonly refundId?: string;
  readonly amountFen?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies a Checkout Session as Stripe reports it now (re-read, never the webhook's copy), in the
 * caller's transaction. The webhook and the reconciliation job both come through here, so an
 * orphaned payment is settled exactly as a delivered webhook would have settled it.
 *
 * A paid session makes its order paid through OrderPaymentRepository.markPaid. If the order can no
 * longer be paid (cancelled or expired meanwhile, or the amount differs) the money goes back in
 * full as `refund:<order>:late-payment`; if another payment already paid it, as
 * `refund:<order>:duplicate:<payment>`.
 */
export class CheckoutSettlement {
  constructor(
    private readonly payments = new PaymentRepository(),
    private readonly refunds = new RefundRepository(),
    private readonly orderPayment = new OrderPaymentRepository(),
  ) {}

  async apply(tx: EntityManager, session: Stripe.Checkout.Session, at: Date = new Date()): Promise<SessionOutcome> {
    const orderId = session.metadata?.buyer_order_id || session.client_reference_id;
    if (!orderId || !UUID.test(orderId)) return { kind: 'unknown_order', buyerOrderId: null, paymentId: null };
    // The order's lock first: concurrent deliveries (and the reconciliation job) then see each other's work.
    const [order] = await tx.query(`SELECT id FROM buyer_orders WHERE id = $1 FOR UPDATE`, [orderId]);
    if (!order) return { kind: 'unknown_order', buyerOrderId: orderId, paymentId: null };

    let payment = await this.payments.bySession(tx, session.id, true);
    const metaPayment = session.metadata?.payment_id;
    if (!payment && metaPayment && UUID.test(metaPayment)) {
      payment = await this.payments.byId(tx, metaPayment, true);
      // Our request crashed before it stored the session id: the session names its payment.
      if (payment && payment.buyerOrderId === orderId) await this.payments.attachSession(tx, payment.id, session.id, session.url ?? null);
      else payment = null;
    }
    if (!payment) {
      payment = await this.payments.insert(tx, {
        buyerOrderId: orderId,
        method: session.metadata?.method ?? session.payment_method_types?.[0] ?? 'card',
        amountFen: session.amount_total ?? 0,
        expiresAt: session.expires_at ? fromUnix(session.expires_at) : null,
        checkoutSessionId: session.id,
      });
    }
    const base = { buyerOrderId: orderId, paymentId: payment.id };
    if (session.status === 'expired') {
      await this.payments.close(tx, payment.id, 'expired');
      return { kind: 'expired', ...base };
    }
    if (session.payment_status !== 'paid') return { kind: 'not_paid', ...base };
    if (payment.status === 'succeeded') return { kind: 'already_applied', ...base };

    const amountFen = session.amount_total ?? 0;
    const outcome = await this.orderPayment.markPaid(tx, orderId, at, amountFen);
    await this.payments.markSucceeded(tx, payment.id, idOf(session.payment_intent), at);
    if (outcome === 'paid') return { kind: 'paid', ...base, amountFen };
    if (outcome === 'unknown_order') return { kind: 'unknown_order', ...base };

    const duplicate = outcome === 'already_paid';
    let key = duplicate ? `refund:${orderId}:duplicate:${payment.id}` : `refund:${orderId}:late-payment`;
    const earlier = duplicate ? null : await this.refunds.byKey(tx, key);
    // A second late payment for the same order (two sessions both paid after it expired) gets its own key.
    if (earlier && earlier.paymentId !== payment.id) key = `${key}:${payment.id}`;
    const refund = await this.refunds.ensure(tx, {
      buyerOrderId: orderId,
      claimId: null,
      paymentId: payment.id,
      key,
      amountFen,
      reason: duplicate ? 'duplicate_payment' : 'late_payment',
    });
    return { kind: duplicate ? 'refund_duplicate' : 'refund_late', ...base, refundId: refund.id, amountFen };
  }
}

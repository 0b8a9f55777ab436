import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import type { CheckoutView } from '@shanhai/contract';
import {
  billableLines,
  CHECKOUT_MAX_LINES,
  checkoutWindow,
  isPermanentStripeError,
  OrderBillingRepository,
  OrderForBilling,
  PaymentRepository,
  PaymentRow,
  PaymentsCore,
  REUSE_MIN_REMAINING_MS,
  STRIPE_MAX_AMOUNT_FEN,
  stripeMessage,
} from '@shanhai/payments';
import { AppError, conflict, notFound } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Principal } from '../identity/principal';
import { OrderJobs } from '../ordering/order-jobs';
import { paymentError } from './payment-errors';
import { PAYMENTS_CORE } from './payments-core.provider';
import { CheckoutMethod, OpenCheckoutDto } from './payments.dto';

interface Prepared {
  readonly payment: PaymentRow;
  readonly reused: boolean;
  /** Older open sessions (another method, or about to expire) to close at Stripe. */
  readonly superseded: PaymentRow[];
  readonly paymentDueAt: Date | null;
  readonly extended: boolean;
}

/**
 * Opens (or hands out again) the Stripe Checkout Session that pays a card or wallet order. The
 * order becomes paid only from Stripe's word (webhook or reconciliation), never from this call or
 * the buyer's redirect.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);
  private readonly orders = new OrderBillingRepository();
  private readonly payments = new PaymentRepository();
  private readonly stripe: Stripe;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENTS_CORE) core: PaymentsCore,
    private readonly jobs: OrderJobs,
  ) {
    this.stripe = core.stripe;
  }

  async open(principal: Principal, orderId: string, dto: OpenCheckoutDto, retried = false): Promise<CheckoutView> {
    const head = await this.orders.header(this.db.manager, orderId);
    if (!head || !principal.isMemberOf(head.organisationId)) throw notFound('order', orderId);
    principal.requireOrgRole(head.organisationId, ['buyer_purchaser', 'buyer_admin']);
    if (head.paymentMethod === 'invoice') {
      throw conflict('PAID_BY_INVOICE', 'this order is paid by invoice on net terms: there is nothing to pay by card or wallet', { currentStatus: head.status, paymentMethod: head.paymentMethod });
    }
    if (head.totalFen > STRIPE_MAX_AMOUNT_FEN) {
      throw conflict('AMOUNT_TOO_LARGE_FOR_CHECKOUT', `Stripe takes at most ¥999,999.99 in one payment; this order totals ${head.totalFen} fen. Split the order, or ask the operator for net terms`);
    }
    const method = (dto.method ?? head.paymentMethod) as CheckoutMethod;

    const prepared = await this.db.transaction(async (tx): Promise<Prepared> => {
      const order = (await this.orders.header(tx, orderId, true))!;
      if (order.status !== 'awaiting_payment') {
        throw conflict('ORDER_NOT_PAYABLE', `an order that is ${order.status}${order.status === 'pending_approval' ? ' (waiting for its approver)' : ''} cannot be paid`, { currentStatus: order.status, paymentStatus: order.paymentStatus });
      }
      const now = new Date();
      const open = await this.payments.openForOrder(tx, orderId);
      const reusable = open.find((p) => p.method === method && p.expiresAt !== null && p.expiresAt.getTime() - now.getTime() > REUSE_MIN_REMAINING_MS);
      const superseded = open.filter((p) => p !== reusable);
      if (reusable) return { payment: reusable, reused: reusable.checkoutSessionId !== null, superseded, paymentDueAt: order.paymentDueAt, extended: false };

      const due = order.paymentDueAt ?? new Date(now.getTime() + this.config.paymentWindowMinutes * 60_000);
      const window = checkoutWindow(now, due, order.createdAt);
      if (!window.ok && window.reason === 'deadline_passed') {
        throw conflict('PAYMENT_WINDOW_CLOSED', 'the time to pay this order has run out; its reservation is being released — place the order again', { currentStatus: order.status, paymentDueAt: due.toISOString() });
      }
      if (!window.ok) {
        throw conflict('PAYMENT_WINDOW_CLOSING', 'too little time is left to pay this order (Stripe needs 30 minutes) and its stock has been held as long as allowed — place the order again', { currentStatus: order.status, paymentDueAt: due.toISOString() });
      }
      if (window.extendDueTo) await tx.query(`UPDATE buyer_orders SET payment_due_at = $2 WHERE id = $1`, [orderId, window.extendDueTo]);
      const payment = await this.payments.insert(tx, { buyerOrderId: orderId, method, amountFen: order.totalFen, expiresAt: window.expiresAt });
      return { payment, reused: false, superseded, paymentDueAt: window.extendDueTo ?? due, extended: window.extendDueTo !== null };
    });

    if (prepared.extended && prepared.paymentDueAt) await this.jobs.expireAt(orderId, prepared.paymentDueAt);
    await this.closeSuperseded(prepared.superseded);
    if (prepared.reused && prepared.payment.checkoutSessionId && prepared.payment.checkoutUrl) {
      return this.view(prepared.payment, prepared.payment.checkoutSessionId, prepared.payment.checkoutUrl, prepared.paymentDueAt, true);
    }

    const order = (await this.orders.get(this.db.manager, orderId))!;
    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripe.checkout.sessions.create(this.sessionParams(order, prepared.payment), { idempotencyKey: `checkout:${orderId}:${prepared.payment.id}` });
    } catch (err) {
      if (isPermanentStripeError(err)) {
        await this.payments.close(this.db.manager, prepared.payment.id, 'failed');
        this.logger.warn({ orderId, paymentId: prepared.payment.id, error: stripeMessage(err) }, 'Stripe refused the Checkout Session');
        // An earlier attempt that never reached Stripe and is now too close to its expiry: start afresh once.
        if (!retried && prepared.payment.createdAt.getTime() < Date.now() - 60_000) return this.open(principal, orderId, dto, true);
      }
      throw paymentError(err);
    }
    await this.payments.attachSession(this.db.manager, prepared.payment.id, session.id, session.url ?? null);
    if (!session.url) throw new AppError(502, 'PAYMENT_PROVIDER_REFUSED', 'Stripe returned a Checkout Session without a payment page');
    return this.view(prepared.payment, session.id, session.url, prepared.paymentDueAt, false);
  }

  /**
   * The session's parameters derive only from stored facts (order lines, the payment row and its
   * expiry), so a retry with the same idempotency key sends exactly the same request.
   */
  private sessionParams(order: OrderForBilling, payment: PaymentRow): Stripe.Checkout.SessionCreateParams {
    const metadata = { buyer_order_id: order.id, payment_id: payment.id, order_number: order.number, method: payment.method };
    const back = `${this.config.storefrontUrl}/orders/${order.id}`;
    return {
      mode: 'payment',
      currency: 'cny',
      client_reference_id: order.id,
      line_items: billableLines(order.totalFen, order.lines, order.supplierOrders, CHECKOUT_MAX_LINES).map((line) => ({
        quantity: line.quantity,
        price_data: { currency: 'cny', unit_amount: line.unitAmountFen, product_data: { name: line.name } },
        metadata: { part: line.key, kind: line.kind },
      })),
      metadata,
      payment_intent_data: { metadata: { buyer_order_id: order.id, payment_id: payment.id, order_number: order.number }, description: `山海订单 Shanhai order ${order.number}` },
      allowed_payment_method_types: [payment.method as CheckoutMethod],
      ...(payment.method === 'wechat_pay' ? { payment_method_options: { wechat_pay: { client: 'web' as const } } } : {}),
      expires_at: Math.floor(payment.expiresAt!.getTime() / 1000),
      success_url: `${back}?payment=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${back}?payment=cancelled`,
    };
  }

  /** Expires sessions the buyer left for another method (best effort: a session paid meanwhile is still honoured by the webhook). */
  private async closeSuperseded(superseded: readonly PaymentRow[]): Promise<void> {
    for (const p of superseded) {
      try {
        if (p.checkoutSessionId) {
          const session = await this.stripe.checkout.sessions.retrieve(p.checkoutSessionId);
          if (session.status === 'open') await this.stripe.checkout.sessions.expire(p.checkoutSessionId, {}, { idempotencyKey: `checkout-expire:${p.id}` });
          if (session.status === 'complete') continue; // paid: the webhook or reconciliation settles it
        }
        await this.payments.close(this.db.manager, p.id, 'expired');
      } catch (err) {
        this.logger.warn({ paymentId: p.id, error: stripeMessage(err) }, 'could not expire a superseded Checkout Session; it expires on its own');
      }
    }
  }

  private view(payment: PaymentRow, sessionId: string, url: string, paymentDueAt: Date | null, reused: boolean): CheckoutView {
    return {
      paymentId: payment.id,
      sessionId,
      checkoutUrl: url,
      method: payment.method as CheckoutMethod,
      amountFen: payment.amountFen,
      currency: 'CNY',
      expiresAt: payment.expiresAt!.toISOString(),
      paymentDueAt: paymentDueAt ? paymentDueAt.toISOString() : null,
      reused,
    };
  }
}

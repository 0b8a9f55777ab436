import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { InvoiceSync } from './invoice-sync';
import { settleableFen } from './payment-rules';
import { PaymentsLog, silentLog } from './payments-log';
import { RefundService } from './refund.service';
import { ClaimRepository, ClaimRow } from './repositories/claim.repository';
import { InvoiceRepository, InvoiceRow } from './repositories/invoice.repository';
import { OrderMoneyRepository } from './repositories/order-money.repository';
import { PaymentRepository } from './repositories/payment.repository';
import { RefundRepository } from './repositories/refund.repository';
import { stripeMessage } from './stripe-errors';

export type ClaimOutcome = 'refunded' | 'refund_pending' | 'refund_failed' | 'credited' | 'waived' | 'invoice_voided' | 'already_settled' | 'missing' | 'blocked';

export interface ClaimResult {
  readonly claimId: string;
  readonly outcome: ClaimOutcome;
  readonly amountFen?: number;
}

type Plan =
  | { readonly done: ClaimOutcome; readonly amountFen?: number }
  | { readonly refundId: string; readonly amountFen: number }
  | { readonly voidInvoice: InvoiceRow };

/**
 * Settles a claim, exactly once whatever the retries (the claim row is locked, refunds and credit
 * notes are unique per claim, Stripe receives `refund:<order>:<claim>`):
 *
 * - card or wallet order that was paid → a Stripe refund of the claim's amount, capped by what is
 *   left of the payment and of the line (or delivery fee) → claim `refunded`, outbox `order.refunded`;
 * - invoice order → a credit note on the invoice, capped the same way → claim `credited`, outbox
 *   `line.credited`; but when the order was cancelled and its invoice is still unpaid, the invoice
 *   is voided instead (outbox `invoice.voided`) and the claim waived: nothing is owed on a void invoice;
 * - an order never paid nor invoiced → `waived`.
 */
export class ClaimSettlement {
  constructor(
    private readonly db: DataSource,
    private readonly stripe: Stripe,
    private readonly refundService: RefundService,
    private readonly log: PaymentsLog = silentLog,
    private readonly claims = new ClaimRepository(),
    private readonly invoices = new InvoiceRepository(),
    private readonly payments = new PaymentRepository(),
    private readonly refunds = new RefundRepository(),
    private readonly money = new OrderMoneyRepository(),
    private readonly sync = new InvoiceSync(invoices),
  ) {}

  async settle(claimId: string, depth = 0): Promise<ClaimResult> {
    const head = await this.claims.get(this.db.manager, claimId);
    if (!head) return { claimId, outcome: 'missing' };
    const plan = await this.db.transaction(async (tx): Promise<Plan> => {
      const [order] = await tx.query(`SELECT id, status, payment_method, payment_status FROM buyer_orders WHERE id = $1 FOR UPDATE`, [head.buyerOrderId]);
      const claim = (await this.claims.get(tx, claimId, true))!;
      if (claim.status !== 'open') return { done: 'already_settled' };
      return order.payment_method === 'invoice' ? this.planCredit(tx, order, claim) : this.planRefund(tx, order, claim);
    });

    if ('refundId' in plan) {
      const applied = await this.refundService.execute(plan.refundId);
      const outcome: ClaimOutcome = applied === 'succeeded' || applied === 'already_settled' ? 'refunded' : applied === 'failed' ? 'refund_failed' : 'refund_pending';
      return { claimId, outcome, amountFen: plan.amountFen };
    }
    if ('voidInvoice' in plan) {
      await this.voidInStripe(plan.voidInvoice);
      // Stripe now says void (or, if the buyer paid meanwhile, paid): settle again against that.
      if (depth > 1) return { claimId, outcome: 'blocked' };
      const again = await this.settle(claimId, depth + 1);
      return again.outcome === 'waived' ? { claimId, outcome: 'invoice_voided' } : again;
    }
    return { claimId, outcome: plan.done, amountFen: plan.amountFen };
  }

  /** Settles every claim still open: the safety net behind the per-claim jobs. */
  async sweep(createdBefore: Date): Promise<ClaimResult[]> {
    const results: ClaimResult[] = [];
    for (const id of await this.claims.openIds(this.db.manager, createdBefore)) {
      try {
        results.push(await this.settle(id));
      } catch (err) {
        this.log.warn('a claim could not be settled yet', { claimId: id, error: stripeMessage(err) });
      }
    }
    return results;
  }

  private async planRefund(tx: EntityManager, order: { id: string; payment_status: string }, claim: ClaimRow): Promise<Plan> {
    const earlier = await this.refunds.byClaim(tx, claim.id);
    if (earlier) {
      if (earlier.status === 'pending') return { refundId: earlier.id, amountFen: earlier.amountFen };
      if (earlier.status === 'failed') return { done: 'refund_failed' };
      await this.claims.settle(tx, claim.id, 'refunded', new Date());
      return { done: 'refunded', amountFen: earlier.amountFen };
    }
    if (order.payment_status !== 'paid' && order.payment_status !== 'partially_refunded') return this.waive(tx, claim);
    const payment = await this.payments.payingPayment(tx, order.id);
    if (!payment?.paymentIntentId) {
      this.log.error('a paid order has no succeeded payment to refund; reconciliation lists it', { claimId: claim.id, buyerOrderId: order.id });
      return { done: 'blocked' };
    }
    const amountFen = settleableFen(claim.amountFen, await this.payments.remainingFen(tx, payment.id), await this.claims.targetRemainingFen(tx, claim));
    if (amountFen === 0) return this.waive(tx, claim);
    const refund = await this.refunds.ensure(tx, { buyerOrderId: order.id, claimId: claim.id, paymentId: payment.id, key: `refund:${order.id}:${claim.id}`, amountFen, reason: 'claim' });
    return { refundId: refund.id, amountFen };
  }

  private async planCredit(tx: EntityManager, order: { id: string; status: string }, claim: ClaimRow): Promise<Plan> {
    const invoice = await this.invoices.byOrder(tx, order.id, true);
    // Never invoiced (rejected while awaiting approval) or already void: nothing is owed back.
    if (!invoice || invoice.status === 'void') return this.waive(tx, claim);
    const at = new Date();
    if (order.status === 'cancelled' && invoice.status !== 'paid') {
      if (invoice.status !== 'draft' && invoice.stripeInvoiceId) return { voidInvoice: invoice };
      await this.invoices.markVoid(tx, invoice, 'order cancelled before the invoice was issued', at);
      return this.waive(tx, claim);
    }
    const amountFen = settleableFen(claim.amountFen, invoice.amountFen - invoice.creditedFen, await this.claims.targetRemainingFen(tx, claim));
    if (amountFen === 0) return this.waive(tx, claim);
    await this.money.applyCredit(tx, invoice, claim, amountFen, at);
    return { done: 'credited', amountFen };
  }

  private async waive(tx: EntityManager, claim: ClaimRow): Promise<Plan> {
    await this.claims.settle(tx, claim.id, 'waived', new Date());
    return { done: 'waived' };
  }

  /** Voids the Stripe invoice of a cancelled order (idempotent), then mirrors Stripe's state onto ours. */
  private async voidInStripe(invoice: InvoiceRow): Promise<void> {
    const id = invoice.stripeInvoiceId!;
    let theirs = await this.stripe.invoices.retrieve(id);
    if (theirs.status === 'open' || theirs.status === 'uncollectible') {
      theirs = await this.stripe.invoices.voidInvoice(id, {}, { idempotencyKey: `invoice-void:${invoice.id}` });
    }
    const after = theirs;
    await this.db.transaction(async (tx) => {
      const outcome = await this.sync.apply(tx, after);
      if (outcome === 'unchanged' && after.status === 'void') {
        const row = (await this.invoices.get(tx, invoice.id, true))!;
        if (row.status !== 'void' && row.status !== 'paid') await this.invoices.markVoid(tx, row, 'order cancelled', new Date());
      }
    });
  }
}

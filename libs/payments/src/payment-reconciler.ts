import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { CheckoutSettlement } from './checkout-settlement';
import { InvoiceSync } from './invoice-sync';
import { PaymentsLog, silentLog } from './payments-log';
import { RefundService } from './refund.service';
import { ClaimRepository } from './repositories/claim.repository';
import { InvoiceRepository } from './repositories/invoice.repository';
import { RefundRepository } from './repositories/refund.repository';
import { ReconciliationFinding, ReconciliationReportRepository, ReconciliationReportRow } from './repositories/reconciliation-report.repository';
import { idOf, stripeMessage } from './stripe-errors';

export interface ReconciliationOutcome {
  readonly checked: Record<string, number>;
  readonly settled: ReconciliationFinding[];
  readonly mismatches: ReconciliationFinding[];
}

/** How long a claim, refund or draft may wait for its own job before reconciliation reports it. */
const GRACE_MS = 10 * 60_000;
const MAX_FINDINGS = 500;

/**
 * Compares Stripe with our orders over a window and repairs what a lost webhook or a failed commit
 * left behind, through the same code the webhook runs:
 *
 * - every paid Checkout Session matches a paid order: an orphaned payment (Stripe took the money,
 *   our order is not paid) is settled with markPaid, or refunded when the order was cancelled;
 * - every paid card or wallet order matches a paid session of the same amount;
 * - every Stripe refund matches a refund row, pending rows are completed, failed ones reported;
 * - every Stripe PaymentIntent that succeeded belongs to one of our payments;
 * - every issued invoice agrees with Stripe: paid there → paid here; a transfer recorded here but
 *   not yet marked in Stripe → paid out of band there;
 * - claims and drafts that waited too long are listed for the operator.
 */
export class PaymentReconciler {
  constructor(
    private readonly db: DataSource,
    private readonly stripe: Stripe,
    private readonly refundService: RefundService,
    private readonly log: PaymentsLog = silentLog,
    private readonly reports = new ReconciliationReportRepository(),
    private readonly checkout = new CheckoutSettlement(),
    private readonly invoiceSync = new InvoiceSync(),
    private readonly invoices = new InvoiceRepository(),
    private readonly refunds = new RefundRepository(),
    private readonly claims = new ClaimRepository(),
  ) {}

  async run(reportId: string): Promise<ReconciliationReportRow | null> {
    const report = await this.reports.get(this.db.manager, reportId);
    if (!report) return null;
    if (report.status === 'completed') return report;
    await this.reports.start(this.db.manager, reportId);
    try {
      const outcome = await this.compare(report.windowFrom);
      await this.reports.finish(this.db.manager, reportId, outcome);
      this.log.info('payment reconciliation finished', { reportId, settled: outcome.settled.length, mismatches: outcome.mismatches.length });
    } catch (err) {
      await this.reports.fail(this.db.manager, reportId, stripeMessage(err));
      throw err;
    }
    return this.reports.get(this.db.manager, reportId);
  }

  async compare(since: Date, now: Date = new Date()): Promise<ReconciliationOutcome> {
    const checked: Record<string, number> = {};
    const settled: ReconciliationFinding[] = [];
    const mismatches: ReconciliationFinding[] = [];
    const count = (what: string): void => void (checked[what] = (checked[what] ?? 0) + 1);
    const mismatch = (f: ReconciliationFinding): void => void (mismatches.length < MAX_FINDINGS && mismatches.push(f));
    const created = { gte: Math.floor(since.getTime() / 1000) };
    const grace = new Date(now.getTime() - GRACE_MS);

    // 1. Stripe's Checkout Sessions → our orders.
    const paidSessions = new Map<string, number>();
    const knownIntents = new Set<string>();
    for await (const session of this.stripe.checkout.sessions.list({ created, limit: 100 })) {
      count('checkoutSessions');
      const intent = idOf(session.payment_intent);
      if (intent) knownIntents.add(intent);
      if (session.payment_status !== 'paid' && session.status !== 'expired') continue;
      if (session.payment_status === 'paid') paidSessions.set(session.id, session.amount_total ?? 0);
      const outcome = await this.db.transaction((tx) => this.checkout.apply(tx, session));
      const finding = { buyerOrderId: outcome.buyerOrderId, reference: session.id, amountFen: session.amount_total ?? null };
      if (outcome.kind === 'paid') settled.push({ kind: 'orphaned_payment_settled', ...finding, detail: 'Stripe had taken this payment but the order was not marked paid: marked paid now' });
      if (outcome.kind === 'refund_late' || outcome.kind === 'refund_duplicate') {
        const applied = outcome.refundId ? await this.refundService.execute(outcome.refundId).catch((err: unknown) => stripeMessage(err)) : 'missing';
        settled.push({
          kind: outcome.kind === 'refund_late' ? 'orphaned_payment_refunded' : 'duplicate_payment_refunded',
          ...finding,
          detail: `the order could no longer take this payment (${outcome.kind === 'refund_late' ? 'cancelled, expired or another amount' : 'already paid'}): refund ${applied}`,
        });
      }
      if (outcome.kind === 'unknown_order' && session.payment_status === 'paid') mismatch({ kind: 'payment_without_order', ...finding, detail: 'a paid Checkout Session names no order of ours' });
    }

    // 2. Our paid card and wallet orders → a paid session of the same amount.
    const paidOrders: Array<{ id: string; total_fen: string; session_id: string | null; intent_id: string | null }> = await this.db.query(
      `SELECT o.id, o.total_fen,
              (SELECT p.checkout_session_id FROM payments p WHERE p.buyer_order_id = o.id AND p.status = 'succeeded' ORDER BY p.succeeded_at LIMIT 1) AS session_id,
              (SELECT p.payment_intent_id FROM payments p WHERE p.buyer_order_id = o.id AND p.status = 'succeeded' ORDER BY p.succeeded_at LIMIT 1) AS intent_id
         FROM buyer_orders o WHERE o.payment_method <> 'invoice' AND o.payment_status <> 'unpaid' AND o.paid_at >= $1`,
      [since],
    );
    for (const o of paidOrders) {
      count('paidOrders');
      if (o.intent_id) knownIntents.add(o.intent_id);
      if (!o.session_id) {
        mismatch({ kind: 'paid_order_without_payment', buyerOrderId: o.id, amountFen: Number(o.total_fen), detail: 'the order is paid but no succeeded Stripe payment is recorded for it' });
        continue;
      }
      let amount = paidSessions.get(o.session_id);
      if (amount === undefined) {
        const session = await this.stripe.checkout.sessions.retrieve(o.session_id).catch(() => null);
        if (!session || session.payment_status !== 'paid') {
          mismatch({ kind: 'paid_order_unpaid_in_stripe', buyerOrderId: o.id, reference: o.session_id, amountFen: Number(o.total_fen), detail: 'Stripe does not report this session as paid' });
          continue;
        }
        amount = session.amount_total ?? 0;
      }
      if (amount !== Number(o.total_fen)) mismatch({ kind: 'amount_mismatch', buyerOrderId: o.id, reference: o.session_id, amountFen: amount, detail: `Stripe took ${amount} fen, the order totals ${o.total_fen} fen` });
    }

    // 3. PaymentIntents that succeeded outside any session or payment of ours.
    const ourIntents: Array<{ payment_intent_id: string }> = await this.db.query(`SELECT payment_intent_id FROM payments WHERE payment_intent_id IS NOT NULL AND created_at >= $1`, [new Date(since.getTime() - 86_400_000)]);
    for (const p of ourIntents) knownIntents.add(p.payment_intent_id);
    for await (const intent of this.stripe.paymentIntents.list({ created, limit: 100 })) {
      count('paymentIntents');
      if (intent.status === 'succeeded' && !knownIntents.has(intent.id)) {
        mismatch({ kind: 'payment_without_order', buyerOrderId: intent.metadata?.buyer_order_id ?? null, reference: intent.id, amountFen: intent.amount, detail: 'a succeeded PaymentIntent belongs to no payment of ours' });
      }
    }

    // 4. Refunds, both ways.
    const seenRefunds = new Set<string>();
    for await (const refund of this.stripe.refunds.list({ created, limit: 100 })) {
      count('stripeRefunds');
      seenRefunds.add(refund.id);
      const outcome = await this.db.transaction((tx) => this.refundService.apply(tx, refund));
      if (outcome === 'unknown') mismatch({ kind: 'refund_without_record', reference: refund.id, amountFen: refund.amount, buyerOrderId: refund.metadata?.buyer_order_id ?? null, detail: 'Stripe holds a refund we did not make (Dashboard?)' });
      if (outcome === 'succeeded') settled.push({ kind: 'refund_confirmed', reference: refund.id, amountFen: refund.amount, buyerOrderId: refund.metadata?.buyer_order_id ?? null, detail: 'a refund Stripe made was still pending here: applied' });
    }
    for (const id of await this.refunds.pendingIds(this.db.manager, new Date(now.getTime() - 60_000))) {
      count('pendingRefunds');
      const row = (await this.refunds.byId(this.db.manager, id))!;
      const applied = await this.refundService.execute(id).catch((err: unknown) => `error: ${stripeMessage(err)}`);
      const finding = { buyerOrderId: row.buyerOrderId, reference: row.idempotencyKey, amountFen: row.amountFen };
      if (applied === 'succeeded') settled.push({ kind: 'pending_refund_completed', ...finding, detail: 'a refund left pending was carried out' });
      else mismatch({ kind: 'refund_pending', ...finding, detail: `a refund is still not done: ${applied}` });
    }
    for (const row of await this.refunds.succeededSince(this.db.manager, since)) {
      count('refundRows');
      if (!row.stripeRefundId || seenRefunds.has(row.stripeRefundId)) continue;
      const theirs = await this.stripe.refunds.retrieve(row.stripeRefundId).catch(() => null);
      if (!theirs || theirs.status !== 'succeeded' || theirs.amount !== row.amountFen) {
        mismatch({ kind: 'refund_differs', buyerOrderId: row.buyerOrderId, reference: row.stripeRefundId, amountFen: row.amountFen, detail: `recorded as refunded, Stripe says ${theirs ? `${theirs.status}, ${theirs.amount} fen` : 'nothing'}` });
      }
    }
    for (const row of await this.refunds.failed(this.db.manager)) {
      mismatch({ kind: 'refund_failed', buyerOrderId: row.buyerOrderId, reference: row.idempotencyKey, amountFen: row.amountFen, detail: row.failureMessage ?? 'refused by Stripe' });
    }

    // 5. Invoices, both ways.
    for (const row of await this.invoices.toReconcile(this.db.manager, since)) {
      count('invoices');
      let theirs = await this.stripe.invoices.retrieve(row.stripeInvoiceId!);
      const finding = { buyerOrderId: row.buyerOrderId, reference: theirs.number ?? theirs.id, amountFen: row.amountFen };
      const unpaidThere = theirs.status === 'open' || theirs.status === 'uncollectible';
      // The operator recorded the transfer (ours paid, or the Stripe call after recording failed): Stripe follows our record.
      if (unpaidThere && (row.status === 'paid' || row.transferReference)) {
        theirs = await this.stripe.invoices.pay(theirs.id, { paid_out_of_band: true }, { idempotencyKey: `invoice-pay:${row.id}` });
        settled.push({ kind: 'stripe_invoice_marked_paid', ...finding, detail: `transfer ${row.transferReference ?? ''} recorded here: marked paid out of band in Stripe` });
      }
      if (row.status === 'void' && unpaidThere) {
        theirs = await this.stripe.invoices.voidInvoice(theirs.id, {}, { idempotencyKey: `invoice-void:${row.id}` });
        settled.push({ kind: 'stripe_invoice_voided', ...finding, detail: 'void here, open in Stripe: voided in Stripe' });
        continue;
      }
      const paidHere = row.status === 'paid';
      const outcome = await this.db.transaction((tx) => this.invoiceSync.apply(tx, theirs));
      if (outcome === 'paid' && !paidHere) settled.push({ kind: 'invoice_paid_settled', ...finding, detail: 'paid in Stripe but not here: marked paid' });
      if (outcome === 'voided') mismatch({ kind: 'invoice_voided_in_stripe', ...finding, detail: 'voided in Stripe, not through the platform: voided here too; check the order' });
      if (paidHere && theirs.status !== 'paid') mismatch({ kind: 'invoice_state_differs', ...finding, detail: `paid here, ${theirs.status} in Stripe` });
    }
    for await (const theirs of this.stripe.invoices.list({ created, limit: 100 })) {
      count('stripeInvoices');
      if (theirs.status === 'draft') continue;
      const ours = (await this.invoices.byStripeId(this.db.manager, theirs.id)) ?? null;
      if (!ours) mismatch({ kind: 'invoice_without_record', reference: theirs.number ?? theirs.id, amountFen: theirs.total, buyerOrderId: theirs.metadata?.buyer_order_id ?? null, detail: 'a Stripe invoice matches no invoice of ours' });
    }

    // 6. What waits too long for its own job.
    for (const id of await this.invoices.draftIds(this.db.manager, grace, 100)) {
      const row = (await this.invoices.get(this.db.manager, id))!;
      mismatch({ kind: 'invoice_not_issued', buyerOrderId: row.buyerOrderId, reference: row.id, amountFen: row.amountFen, detail: 'a draft invoice has not been issued yet (the invoices sweep retries it)' });
    }
    for (const id of await this.claims.openIds(this.db.manager, grace, 100)) {
      const claim = (await this.claims.get(this.db.manager, id))!;
      mismatch({ kind: 'claim_unsettled', buyerOrderId: claim.buyerOrderId, reference: claim.id, amountFen: claim.amountFen, detail: `a ${claim.reason} claim is still open (the claims sweep retries it)` });
    }
    return { checked, settled, mismatches };
  }
}


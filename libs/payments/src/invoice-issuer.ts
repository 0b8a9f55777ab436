import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { businessDay, formatYuan } from '@shanhai/domain';
import { billableLines, INVOICE_MAX_LINES } from './billable-lines';
import { InvoiceSync } from './invoice-sync';
import { PaymentsLog, silentLog } from './payments-log';
import { InvoiceRepository } from './repositories/invoice.repository';
import { OrderBillingRepository } from './repositories/order-billing.repository';
import { isPermanentStripeError, stripeMessage } from './stripe-errors';

/** `scheduled`: a draft held until its issue day (an agreement invoiced monthly). */
export type IssueOutcome = 'issued' | 'already_issued' | 'void' | 'missing' | 'scheduled';

/** Net terms when the operator withdrew the organisation's terms after the order was placed on them. */
export const DEFAULT_NET_TERMS_DAYS = 30;

/**
 * Issues a draft invoice through Stripe Invoicing: the buyer organisation's customer, an invoice
 * (`send_invoice`, `days_until_due` = its net terms) with one item per order line and the delivery
 * fees apart, finalized and sent; our row becomes `open` with Stripe's number and due date, and
 * outbox `invoice.issued`. Every Stripe call carries a key derived from our ids, so a retried or
 * duplicated job issues one invoice.
 */
export class InvoiceIssuer {
  constructor(
    private readonly db: DataSource,
    private readonly stripe: Stripe,
    private readonly log: PaymentsLog = silentLog,
    private readonly invoices = new InvoiceRepository(),
    private readonly orders = new OrderBillingRepository(),
    private readonly sync = new InvoiceSync(invoices),
  ) {}

  async issue(invoiceId: string): Promise<{ outcome: IssueOutcome; number?: string | null }> {
    const invoice = await this.invoices.get(this.db.manager, invoiceId);
    if (!invoice) return { outcome: 'missing' };
    if (invoice.status === 'void') return { outcome: 'void' };
    if (invoice.status !== 'draft') return { outcome: 'already_issued', number: invoice.number };
    if (invoice.issueOn && invoice.issueOn > businessDay()) return { outcome: 'scheduled' };
    const order = await this.orders.get(this.db.manager, invoice.buyerOrderId);
    if (!order) return { outcome: 'missing' };

    const customer = await this.customerFor(order.organisationId, order.organisationName);
    let stripeInvoiceId = invoice.stripeInvoiceId;
    if (!stripeInvoiceId) {
      const [org] = await this.db.query(`SELECT net_terms_days FROM organisations WHERE id = $1`, [order.organisationId]);
      const created = await this.stripe.invoices.create(
        {
          customer,
          collection_method: 'send_invoice',
          days_until_due: org?.net_terms_days ?? DEFAULT_NET_TERMS_DAYS,
          currency: 'cny',
          auto_advance: false,
          description: `山海订单 Shanhai order ${order.number}`,
          metadata: { invoice_id: invoice.id, buyer_order_id: order.id, order_number: order.number },
        },
        { idempotencyKey: `invoice:${invoice.id}` },
      );
      await this.invoices.setStripeId(this.db.manager, invoice.id, created.id);
      stripeInvoiceId = (await this.invoices.get(this.db.manager, invoice.id))!.stripeInvoiceId ?? created.id;
    }

    let theirs = await this.stripe.invoices.retrieve(stripeInvoiceId);
    if (theirs.status === 'draft') {
      for (const line of billableLines(order.totalFen, order.lines, order.supplierOrders, INVOICE_MAX_LINES)) {
        await this.stripe.invoiceItems.create(
          {
            customer,
            invoice: theirs.id,
            amount: line.unitAmountFen * line.quantity,
            currency: 'cny',
            description: line.quantity > 1 ? `${line.name} × ${line.quantity} @ ${formatYuan(line.unitAmountFen)}` : line.name,
            metadata: { invoice_id: invoice.id, part: line.key },
          },
          { idempotencyKey: `invoiceitem:${invoice.id}:${line.key}` },
        );
      }
      theirs = await this.stripe.invoices.retrieve(theirs.id);
      // Idempotency keys live 24 hours at Stripe: a retry after that could add items twice. Refuse to finalize a wrong total.
      if (theirs.total !== invoice.amountFen) throw new Error(`Stripe invoice ${theirs.id} totals ${theirs.total} fen, ours ${invoice.amountFen} fen: not finalizing`);
      theirs = await this.stripe.invoices.finalizeInvoice(theirs.id, { auto_advance: false }, { idempotencyKey: `invoice-finalize:${invoice.id}` });
    }
    if (theirs.status === 'open') {
      try {
        theirs = await this.stripe.invoices.sendInvoice(theirs.id, {}, { idempotencyKey: `invoice-send:${invoice.id}` });
      } catch (err) {
        // The invoice is issued either way; the buyer also sees it in the platform.
        if (!isPermanentStripeError(err)) throw err;
        this.log.warn('Stripe did not send the invoice', { invoiceId: invoice.id, error: stripeMessage(err) });
      }
    }
    await this.db.transaction((tx) => this.sync.apply(tx, theirs));
    const after = (await this.invoices.get(this.db.manager, invoice.id))!;
    if (after.status === 'void' && (theirs.status === 'open' || theirs.status === 'uncollectible')) {
      // Voided (the order was cancelled) while we were issuing: void Stripe's copy too.
      await this.stripe.invoices.voidInvoice(theirs.id, {}, { idempotencyKey: `invoice-void:${invoice.id}` });
      return { outcome: 'void' };
    }
    this.log.info('invoice issued', { invoiceId: invoice.id, number: after.number, dueDate: after.dueDate });
    return { outcome: after.status === 'void' ? 'void' : 'issued', number: after.number };
  }

  /** Issues every draft left behind (a lost job, a failed attempt). */
  async sweep(createdBefore: Date): Promise<{ issued: number; failed: number }> {
    let issued = 0;
    let failed = 0;
    for (const id of await this.invoices.draftIds(this.db.manager, createdBefore)) {
      try {
        if ((await this.issue(id)).outcome === 'issued') issued++;
      } catch (err) {
        failed++;
        this.log.warn('a draft invoice could not be issued yet', { invoiceId: id, error: stripeMessage(err) });
      }
    }
    return { issued, failed };
  }

  /** The buyer organisation's Stripe customer, created once (the key makes concurrent first invoices agree). */
  private async customerFor(organisationId: string, name: string): Promise<string> {
    const [org] = await this.db.query(`SELECT stripe_customer_id FROM organisations WHERE id = $1`, [organisationId]);
    if (org?.stripe_customer_id) return org.stripe_customer_id;
    const customer = await this.stripe.customers.create(
      { name, invoice_prefix: `SH${organisationId.replace(/-/g, '').slice(0, 8).toUpperCase()}`, metadata: { organisation_id: organisationId } },
      { idempotencyKey: `customer:${organisationId}` },
    );
    await this.db.query(`UPDATE organisations SET stripe_customer_id = $2 WHERE id = $1 AND stripe_customer_id IS NULL`, [organisationId, customer.id]);
    const [stored] = await this.db.query(`SELECT stripe_customer_id FROM organisations WHERE id = $1`, [organisationId]);
    return stored.stripe_customer_id;
  }
}

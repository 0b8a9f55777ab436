import Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { fromUnix } from './payment-rules';
import { IssuedFacts, InvoiceRepository, InvoiceRow } from './repositories/invoice.repository';

export type InvoiceSyncOutcome = 'opened' | 'paid' | 'voided' | 'uncollectible' | 'unchanged' | 'unknown';

export function issuedFacts(invoice: Stripe.Invoice): IssuedFacts {
  return {
    number: invoice.number ?? null,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    dueDate: invoice.due_date ? businessDay(fromUnix(invoice.due_date)) : null,
  };
}

/**
 * Brings our invoice row up to what Stripe says (webhook, reconciliation, after our own calls), in
 * the caller's transaction, whatever order the events came in: an invoice Stripe reports paid
 * while ours is still a draft is opened, then paid, each through the state machine.
 */
export class InvoiceSync {
  constructor(private readonly invoices = new InvoiceRepository()) {}

  async apply(tx: EntityManager, stripeInvoice: Stripe.Invoice, at: Date = new Date()): Promise<InvoiceSyncOutcome> {
    const ours = (await this.invoices.byStripeId(tx, stripeInvoice.id)) ?? (await this.byMetadata(tx, stripeInvoice));
    if (!ours) return 'unknown';
    await this.invoices.lockOrder(tx, ours.buyerOrderId);
    let row = (await this.invoices.get(tx, ours.id, true))!;
    if (!row.stripeInvoiceId) await this.invoices.setStripeId(tx, row.id, stripeInvoice.id);
    const theirs = stripeInvoice.status;
    if (theirs === 'draft' || theirs === null) return 'unchanged';
    if (theirs === 'void') {
      if (row.status === 'void' || row.status === 'paid') return 'unchanged';
      await this.invoices.markVoid(tx, row, 'voided in Stripe', at);
      return 'voided';
    }
    // open, paid or uncollectible: Stripe has finalized it.
    let opened = false;
    if (row.status === 'draft') {
      row = await this.invoices.markOpen(tx, row, issuedFacts(stripeInvoice), at);
      opened = true;
    }
    if (theirs === 'paid' && (row.status === 'open' || row.status === 'uncollectible')) {
      await this.invoices.markPaid(tx, row, at);
      return 'paid';
    }
    if (theirs === 'uncollectible' && row.status === 'open') {
      await this.invoices.markUncollectible(tx, row);
      return 'uncollectible';
    }
    return opened ? 'opened' : 'unchanged';
  }

  private async byMetadata(tx: EntityManager, stripeInvoice: Stripe.Invoice): Promise<InvoiceRow | null> {
    const id = stripeInvoice.metadata?.invoice_id;
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await this.invoices.get(tx, id);
    // Another Stripe invoice already stands for this row: this one is not ours to follow.
    return row && (row.stripeInvoiceId === null || row.stripeInvoiceId === stripeInvoice.id) ? row : null;
  }
}

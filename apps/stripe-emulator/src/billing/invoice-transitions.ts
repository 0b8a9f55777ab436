import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { InvoiceRecord, InvoiceStatus } from '../models/invoice.model';
import { nowSeconds } from '../store/ids';
import { recomputeTotals } from './invoice-lines';

/**
 * Invoice lifecycle: draft → open → paid | void | uncollectible (uncollectible → paid | void).
 * Every other move is refused with a 400, so code that skips a step fails here as on Stripe.
 */
export function finalizeInvoice(ctx: EmulatorContext, record: InvoiceRecord, autoAdvance: boolean | undefined): void {
  const invoice = record.invoice;
  if (invoice.status !== 'draft') {
    throw ApiError.invalidState(`This invoice is already finalized, you can't re-finalize a non-draft invoice. (status: ${invoice.status})`);
  }
  const customer = ctx.store.customers.get(invoice.customer);
  const now = nowSeconds();
  recomputeTotals(record);
  if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
  invoice.status = 'open';
  invoice.number = record.requestedNumber ?? nextNumber(ctx, invoice.customer);
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  if (invoice.collection_method === 'send_invoice' && invoice.due_date === null && record.daysUntilDue !== null) {
    invoice.due_date = now + record.daysUntilDue * 86_400;
  }
  if (customer) {
    invoice.customer_email = customer.email;
    invoice.customer_name = customer.name;
    invoice.customer_phone = customer.phone;
  }
  invoice.hosted_invoice_url = `${ctx.runtime.publicUrl}/invoice/${invoice.id}`;
  invoice.ending_balance = 0;
  ctx.events.emit('invoice.finalized', invoice);
  // Stripe settles a zero-amount invoice as soon as it is finalized.
  if (invoice.amount_due === 0) markPaid(ctx, record);
}

export function sendInvoice(ctx: EmulatorContext, record: InvoiceRecord): void {
  const invoice = record.invoice;
  if (invoice.collection_method !== 'send_invoice') {
    throw ApiError.invalidState("You can only manually send an invoice if its collection method is 'send_invoice'.");
  }
  requireStatus(invoice.status, ['open', 'paid'], 'send', 'sent');
  ctx.events.emit('invoice.sent', invoice);
}

/** Only out-of-band payment is emulated; real collection needs payment methods the emulator lacks. */
export function payInvoice(ctx: EmulatorContext, record: InvoiceRecord, paidOutOfBand: boolean): void {
  const invoice = record.invoice;
  if (invoice.status === 'paid') throw ApiError.invalidState('Invoice is already paid.');
  requireStatus(invoice.status, ['open', 'uncollectible'], 'pay', 'paid');
  if (!paidOutOfBand) {
    throw ApiError.invalidRequest(
      'The Stripe emulator can only record out-of-band invoice payments: pass paid_out_of_band=true.',
      { param: 'paid_out_of_band' },
    );
  }
  markPaid(ctx, record);
}

export function voidInvoice(ctx: EmulatorContext, record: InvoiceRecord): void {
  const invoice = record.invoice;
  if (invoice.status === 'draft') {
    throw ApiError.invalidState('You can only void invoices that have been finalized. Draft invoices can be deleted instead.');
  }
  requireStatus(invoice.status, ['open', 'uncollectible'], 'void', 'voided');
  invoice.status = 'void';
  invoice.status_transitions.voided_at = nowSeconds();
  invoice.amount_remaining = 0;
  ctx.events.emit('invoice.voided', invoice);
}

export function markUncollectible(ctx: EmulatorContext, record: InvoiceRecord): void {
  const invoice = record.invoice;
  requireStatus(invoice.status, ['open'], 'mark uncollectible', 'marked uncollectible');
  invoice.status = 'uncollectible';
  invoice.status_transitions.marked_uncollectible_at = nowSeconds();
  ctx.events.emit('invoice.marked_uncollectible', invoice);
}

function markPaid(ctx: EmulatorContext, record: InvoiceRecord): void {
  const invoice = record.invoice;
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempted = true;
  invoice.status_transitions.paid_at = nowSeconds();
  ctx.events.emit('invoice.paid', invoice);
}

function requireStatus(status: InvoiceStatus, allowed: InvoiceStatus[], action: string, done: string): void {
  if (!allowed.includes(status)) {
    throw ApiError.invalidState(
      `You cannot ${action} this invoice because it has a status of ${status}. Only invoices with a status of ${allowed.join(' or ')} can be ${done}.`,
    );
  }
}

/** Stripe numbers invoices `<customer prefix>-<sequence>`, e.g. `8F3A21C0-0001`. */
function nextNumber(ctx: EmulatorContext, customerId: string): string {
  const customer = ctx.store.customers.get(customerId);
  if (!customer) return `EMU-${String(ctx.store.invoices.list().length).padStart(4, '0')}`;
  const sequence = customer.next_invoice_sequence++;
  return `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
}

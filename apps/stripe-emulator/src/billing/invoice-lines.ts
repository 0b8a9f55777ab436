import { InvoiceItemObject, InvoiceLineItemObject, InvoiceRecord } from '../models/invoice.model';
import { newId } from '../store/ids';

/** How many lines the embedded `invoice.lines` list shows; the rest via `/v1/invoices/:id/lines`. */
const EMBEDDED_LINES = 10;

export function attachItem(record: InvoiceRecord, item: InvoiceItemObject): void {
  item.invoice = record.id;
  record.lines.push(lineFromItem(record.id, item));
  recomputeTotals(record);
}

export function detachItem(record: InvoiceRecord, itemId: string): void {
  record.lines = record.lines.filter((line) => line.parent.invoice_item_details.invoice_item !== itemId);
  recomputeTotals(record);
}

/** Integer sums only; no tax or discounts are emulated. */
export function recomputeTotals(record: InvoiceRecord): void {
  const invoice = record.invoice;
  const subtotal = record.lines.reduce((sum, line) => sum + line.amount, 0);
  invoice.subtotal = subtotal;
  invoice.subtotal_excluding_tax = subtotal;
  invoice.total = subtotal;
  invoice.total_excluding_tax = subtotal;
  invoice.amount_due = subtotal;
  invoice.amount_remaining = Math.max(0, subtotal - invoice.amount_paid);
  invoice.lines = {
    object: 'list',
    data: record.lines.slice(0, EMBEDDED_LINES),
    has_more: record.lines.length > EMBEDDED_LINES,
    total_count: record.lines.length,
    url: `/v1/invoices/${record.id}/lines`,
  };
}

function lineFromItem(invoiceId: string, item: InvoiceItemObject): InvoiceLineItemObject {
  return {
    id: newId('il'),
    object: 'line_item',
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    discount_amounts: [],
    discountable: item.discountable,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: { ...item.metadata },
    parent: {
      type: 'invoice_item_details',
      invoice_item_details: { invoice_item: item.id, proration: false, proration_details: { credited_items: null }, subscription: null },
      subscription_item_details: null,
    },
    period: { ...item.period },
    pretax_credit_amounts: [],
    pricing: structuredClone(item.pricing),
    quantity: item.quantity,
    quantity_decimal: item.quantity_decimal,
    subscription: null,
    subtotal: item.amount,
    taxes: [],
  };
}

import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { FormObject } from '../http/form-body';
import { InvoiceObject, InvoiceRecord } from '../models/invoice.model';
import {
  createdMetadata,
  nullableString,
  optionalBoolean,
  optionalCurrency,
  optionalEnum,
  optionalInteger,
  optionalString,
  requiredString,
} from '../params/param-readers';
import { newId, nowSeconds } from '../store/ids';
import { recomputeTotals } from './invoice-lines';

export const COLLECTION_METHODS = ['charge_automatically', 'send_invoice'] as const;

/** A new draft invoice from create parameters; totals start at zero until items are attached. */
export function buildInvoice(ctx: EmulatorContext, params: FormObject): InvoiceRecord {
  const customer = ctx.store.customers.requireParam(requiredString(params.customer, 'customer'), 'customer');
  const collectionMethod = optionalEnum(params.collection_method, 'collection_method', COLLECTION_METHODS) ?? 'charge_automatically';
  const { daysUntilDue, dueDate } = readDueTerms(params, collectionMethod);
  optionalEnum(params.pending_invoice_items_behavior, 'pending_invoice_items_behavior', ['include', 'exclude'] as const);
  const now = nowSeconds();
  const id = newId('in');
  const invoice: InvoiceObject = {
    id,
    object: 'invoice',
    account_country: null,
    account_name: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    attempt_count: 0,
    attempted: false,
    auto_advance: optionalBoolean(params.auto_advance, 'auto_advance') ?? false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    billing_reason: 'manual',
    collection_method: collectionMethod,
    created: now,
    currency: optionalCurrency(params.currency, 'currency') ?? customer.currency ?? ctx.defaultCurrency,
    custom_fields: null,
    customer: customer.id,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name,
    customer_phone: customer.phone,
    customer_shipping: null,
    customer_tax_exempt: customer.tax_exempt,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: nullableString(params.description, 'description', 1500) ?? null,
    discounts: [],
    due_date: dueDate,
    effective_at: null,
    ending_balance: null,
    footer: nullableString(params.footer, 'footer', 5000) ?? null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: createdMetadata(params.metadata),
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: now,
    period_start: now,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: nullableString(params.statement_descriptor, 'statement_descriptor', 22) ?? null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
  const record: InvoiceRecord = {
    id,
    invoice,
    lines: [],
    daysUntilDue,
    requestedNumber: optionalString(params.number, 'number', 26) ?? null,
  };
  recomputeTotals(record);
  return record;
}

export function readDueTerms(params: FormObject, collectionMethod: string): { daysUntilDue: number | null; dueDate: number | null } {
  const daysUntilDue = optionalInteger(params.days_until_due, 'days_until_due', { min: 0, max: 36500 }) ?? null;
  const dueDate = optionalInteger(params.due_date, 'due_date', { min: 0 }) ?? null;
  if (daysUntilDue !== null && dueDate !== null) {
    throw ApiError.invalidRequest('You may only specify one of these parameters: days_until_due, due_date.', { param: 'due_date' });
  }
  if (collectionMethod === 'send_invoice' && daysUntilDue === null && dueDate === null) {
    throw ApiError.missingParam('days_until_due');
  }
  if (collectionMethod === 'charge_automatically' && (daysUntilDue !== null || dueDate !== null)) {
    throw ApiError.invalidParam(
      daysUntilDue !== null ? 'days_until_due' : 'due_date',
      'Invoices with collection_method=charge_automatically cannot have days_until_due or due_date.',
    );
  }
  return { daysUntilDue, dueDate };
}

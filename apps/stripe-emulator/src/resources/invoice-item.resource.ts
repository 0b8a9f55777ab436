import { attachItem, detachItem } from '../billing/invoice-lines';
import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { ApiRouter } from '../http/api-request';
import { FormObject } from '../http/form-body';
import { InvoiceItemObject, InvoiceRecord } from '../models/invoice.model';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import {
  createdMetadata,
  MAX_AMOUNT,
  nullableString,
  optionalAmount,
  optionalBoolean,
  optionalCurrency,
  optionalDecimal,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredString,
  timestampFilter,
} from '../params/param-readers';
import { newId, nowSeconds } from '../store/ids';
import { paginate } from '../store/list-page';

interface ItemPricing {
  amount: number;
  quantity: number;
  unitAmountDecimal: string;
  currency: string | undefined;
  product: string | undefined;
}

export function registerInvoiceItemRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const items = ctx.store.invoiceItems;

  router.post('/v1/invoiceitems', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoiceItemCreate);
    const customer = ctx.store.customers.requireParam(requiredString(params.customer, 'customer'), 'customer');
    const invoiceId = optionalString(params.invoice, 'invoice');
    const invoice = invoiceId ? draftInvoiceFor(ctx, invoiceId, customer.id) : undefined;
    const pricing = readPricing(params);
    const currency = resolveCurrency(optionalCurrency(params.currency, 'currency'), pricing.currency, invoice);
    const now = nowSeconds();
    const period = optionalObject(params.period, 'period');
    const item: InvoiceItemObject = {
      id: newId('ii'),
      object: 'invoiceitem',
      amount: pricing.amount,
      currency,
      customer: customer.id,
      date: now,
      description: nullableString(params.description, 'description') ?? null,
      discountable: optionalBoolean(params.discountable, 'discountable') ?? true,
      discounts: [],
      invoice: null,
      livemode: false,
      metadata: createdMetadata(params.metadata),
      parent: null,
      period: {
        start: (period && optionalInteger(period.start, 'period[start]', { min: 0 })) ?? now,
        end: (period && optionalInteger(period.end, 'period[end]', { min: 0 })) ?? now,
      },
      pricing: {
        price_details: { price: newId('price'), product: pricing.product ?? newId('prod', 14) },
        type: 'price_details',
        unit_amount_decimal: pricing.unitAmountDecimal,
      },
      proration: false,
      quantity: pricing.quantity,
      quantity_decimal: String(pricing.quantity),
      tax_rates: [],
      test_clock: null,
    };
    items.insert(item);
    if (invoice) attachItem(invoice, item);
    ctx.events.emit('invoiceitem.created', item);
    return item;
  });

  router.get('/v1/invoiceitems/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return items.require(pathParams.id);
  });

  router.delete('/v1/invoiceitems/:id', ({ pathParams }) => {
    const item = items.require(pathParams.id);
    const invoice = item.invoice ? ctx.store.invoices.get(item.invoice) : undefined;
    if (invoice && invoice.invoice.status !== 'draft') {
      throw ApiError.invalidState(
        `Invoice item ${item.id} cannot be deleted because it is attached to invoice ${invoice.id}, which is no longer a draft.`,
        'invoice_not_editable',
      );
    }
    if (invoice) detachItem(invoice, item.id);
    items.delete(item.id);
    ctx.events.emit('invoiceitem.deleted', item);
    return { id: item.id, object: 'invoiceitem', deleted: true };
  });

  router.get('/v1/invoiceitems', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoiceItemList);
    const customer = optionalString(params.customer, 'customer');
    const invoice = optionalString(params.invoice, 'invoice');
    const pending = optionalBoolean(params.pending, 'pending');
    const created = timestampFilter(params.created, 'created');
    return paginate(
      items.pageSource(
        '/v1/invoiceitems',
        (ii) =>
          (customer === undefined || ii.customer === customer) &&
          (invoice === undefined || ii.invoice === invoice) &&
          (pending === undefined || (ii.invoice === null) === pending) &&
          created(ii.date),
      ),
      params,
    );
  });
}

function draftInvoiceFor(ctx: EmulatorContext, invoiceId: string, customerId: string): InvoiceRecord {
  const record = ctx.store.invoices.requireParam(invoiceId, 'invoice');
  if (record.invoice.customer !== customerId) {
    throw ApiError.invalidParam('invoice', `Invoice ${invoiceId} belongs to a different customer than ${customerId}.`);
  }
  if (record.invoice.status !== 'draft') {
    throw ApiError.invalidRequest(`You can only add invoice items to draft invoices; invoice ${invoiceId} is ${record.invoice.status}.`, {
      param: 'invoice',
      code: 'invoice_not_editable',
    });
  }
  return record;
}

/** Exactly one of `amount`, `price_data`, or `unit_amount_decimal` (+ `quantity`) prices the item. */
function readPricing(params: FormObject): ItemPricing {
  if (params.pricing !== undefined) {
    const pricing = optionalObject(params.pricing, 'pricing');
    const price = pricing ? optionalString(pricing.price, 'pricing[price]') : undefined;
    throw ApiError.resourceMissing('price', price ?? '', 'pricing[price]', 400);
  }
  const amount = optionalAmount(params.amount, 'amount');
  const priceData = optionalObject(params.price_data, 'price_data');
  const topDecimal = optionalDecimal(params.unit_amount_decimal, 'unit_amount_decimal');
  const quantity = optionalInteger(params.quantity, 'quantity', { min: 1, max: 999_999 });
  const given = [amount !== undefined, priceData !== undefined, topDecimal !== undefined].filter(Boolean).length;
  if (given > 1) {
    throw ApiError.invalidRequest('You may only specify one of these parameters: amount, price_data, unit_amount_decimal.', { param: 'amount' });
  }
  if (amount !== undefined) {
    if (quantity !== undefined && quantity !== 1) {
      throw ApiError.invalidParam('quantity', 'quantity can only be combined with price_data or unit_amount_decimal, not amount.');
    }
    return { amount, quantity: 1, unitAmountDecimal: String(amount), currency: undefined, product: undefined };
  }
  if (priceData) {
    const unitAmount = optionalAmount(priceData.unit_amount, 'price_data[unit_amount]');
    const unitDecimal = optionalDecimal(priceData.unit_amount_decimal, 'price_data[unit_amount_decimal]');
    const decimal = unitDecimal ?? (unitAmount !== undefined ? String(unitAmount) : undefined);
    if (decimal === undefined) throw ApiError.missingParam('price_data[unit_amount]');
    return {
      ...priced(decimal, quantity ?? 1),
      currency: optionalCurrency(priceData.currency, 'price_data[currency]'),
      product: requiredString(priceData.product, 'price_data[product]'),
    };
  }
  if (topDecimal !== undefined) return { ...priced(topDecimal, quantity ?? 1), currency: undefined, product: undefined };
  throw ApiError.missingParam('amount');
}

/** Fractional unit prices round half-up to a whole minor unit, once, on the line total. */
function priced(unitAmountDecimal: string, quantity: number): Pick<ItemPricing, 'amount' | 'quantity' | 'unitAmountDecimal'> {
  const amount = Math.round(Number(unitAmountDecimal) * quantity);
  if (amount > MAX_AMOUNT) throw ApiError.invalidRequest(`Amount must be no more than ${MAX_AMOUNT}.`, { param: 'quantity', code: 'amount_too_large' });
  return { amount, quantity, unitAmountDecimal };
}

function resolveCurrency(explicit: string | undefined, fromPrice: string | undefined, invoice: InvoiceRecord | undefined): string {
  const currency = explicit ?? fromPrice ?? invoice?.invoice.currency;
  if (!currency) throw ApiError.missingParam('currency');
  if (invoice && invoice.invoice.currency !== currency) {
    throw ApiError.invalidParam('currency', `The currency (${currency}) must match the invoice currency (${invoice.invoice.currency}).`);
  }
  return currency;
}

import { buildInvoice, COLLECTION_METHODS, readDueTerms } from '../billing/invoice-draft';
import { attachItem } from '../billing/invoice-lines';
import { finalizeInvoice, markUncollectible, payInvoice, sendInvoice, voidInvoice } from '../billing/invoice-transitions';
import { EmulatorContext } from '../emulator.context';
import { previousAttributes } from '../events/event-log';
import { ApiError } from '../http/api-error';
import { ApiRouter } from '../http/api-request';
import { FormObject } from '../http/form-body';
import { InvoiceRecord } from '../models/invoice.model';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import {
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalMetadata,
  optionalString,
  timestampFilter,
} from '../params/param-readers';
import { arrayPageSource, paginate } from '../store/list-page';

const STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
/** Fields Stripe still lets you change once an invoice is finalized. */
const EDITABLE_AFTER_FINALIZE = new Set(['metadata', 'auto_advance', 'expand']);

export function registerInvoiceRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const invoices = ctx.store.invoices;

  router.post('/v1/invoices', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoiceCreate);
    const record = buildInvoice(ctx, params);
    invoices.insert(record);
    // Since API version 2022-08-01 pending items are only pulled in when asked for.
    if (params.pending_invoice_items_behavior === 'include') {
      const pending = ctx.store.invoiceItems.list((ii) => ii.customer === record.invoice.customer && ii.invoice === null);
      for (const item of pending.reverse()) {
        if (item.currency === record.invoice.currency) attachItem(record, item);
      }
    }
    ctx.events.emit('invoice.created', record.invoice);
    return record.invoice;
  });

  router.get('/v1/invoices/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return invoices.require(pathParams.id).invoice;
  });

  router.post('/v1/invoices/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoiceUpdate);
    const record = invoices.require(pathParams.id);
    const before = structuredClone(record.invoice);
    updateInvoice(record, params);
    const changed = previousAttributes(before, record.invoice);
    if (Object.keys(changed).length > 0) ctx.events.emit('invoice.updated', record.invoice, changed);
    return record.invoice;
  });

  router.get('/v1/invoices', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoiceList);
    const customer = optionalString(params.customer, 'customer');
    const status = optionalEnum(params.status, 'status', STATUSES);
    const collection = optionalEnum(params.collection_method, 'collection_method', COLLECTION_METHODS);
    const created = timestampFilter(params.created, 'created');
    const due = timestampFilter(params.due_date, 'due_date');
    const page = paginate(
      invoices.pageSource(
        '/v1/invoices',
        ({ invoice }) =>
          (customer === undefined || invoice.customer === customer) &&
          (status === undefined || invoice.status === status) &&
          (collection === undefined || invoice.collection_method === collection) &&
          created(invoice.created) &&
          (params.due_date === undefined || (invoice.due_date !== null && due(invoice.due_date))),
      ),
      params,
    );
    return { ...page, data: page.data.map((record) => record.invoice) };
  });

  router.get('/v1/invoices/:id/lines', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.pagination);
    const record = invoices.require(pathParams.id);
    return paginate(arrayPageSource(record.lines, 'line_item', `/v1/invoices/${record.id}/lines`), params);
  });

  router.post('/v1/invoices/:id/finalize', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoiceFinalize);
    const record = invoices.require(pathParams.id);
    const autoAdvance = optionalBoolean(params.auto_advance, 'auto_advance');
    finalizeInvoice(ctx, record, autoAdvance);
    return record.invoice;
  });

  router.post('/v1/invoices/:id/send', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    const record = invoices.require(pathParams.id);
    sendInvoice(ctx, record);
    return record.invoice;
  });

  router.post('/v1/invoices/:id/pay', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.invoicePay);
    const record = invoices.require(pathParams.id);
    const outOfBand = optionalBoolean(params.paid_out_of_band, 'paid_out_of_band') ?? false;
    payInvoice(ctx, record, outOfBand);
    return record.invoice;
  });

  router.post('/v1/invoices/:id/void', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    const record = invoices.require(pathParams.id);
    voidInvoice(ctx, record);
    return record.invoice;
  });

  router.post('/v1/invoices/:id/mark_uncollectible', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    const record = invoices.require(pathParams.id);
    markUncollectible(ctx, record);
    return record.invoice;
  });
}

function updateInvoice(record: InvoiceRecord, params: FormObject): void {
  const invoice = record.invoice;
  if (invoice.status !== 'draft') {
    const locked = Object.keys(params).find((key) => !EDITABLE_AFTER_FINALIZE.has(key));
    if (locked) {
      throw ApiError.invalidRequest(`You can only update ${locked} on a draft invoice; this invoice is ${invoice.status}.`, {
        param: locked,
        code: 'invoice_not_editable',
      });
    }
  }
  const autoAdvance = optionalBoolean(params.auto_advance, 'auto_advance');
  if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
  const description = nullableString(params.description, 'description', 1500);
  if (description !== undefined) invoice.description = description;
  const footer = nullableString(params.footer, 'footer', 5000);
  if (footer !== undefined) invoice.footer = footer;
  if (params.days_until_due !== undefined || params.due_date !== undefined || params.collection_method !== undefined) {
    const collection = optionalEnum(params.collection_method, 'collection_method', COLLECTION_METHODS) ?? invoice.collection_method;
    // Unchanged terms carry over unless the other kind of term replaces them.
    const terms: FormObject = {};
    const days = params.days_until_due ?? (params.due_date === undefined && record.daysUntilDue !== null ? String(record.daysUntilDue) : undefined);
    const due = params.due_date ?? (params.days_until_due === undefined && invoice.due_date !== null ? String(invoice.due_date) : undefined);
    if (days !== undefined && days !== '') terms.days_until_due = days;
    if (due !== undefined && due !== '') terms.due_date = due;
    const resolved = readDueTerms(terms, collection);
    invoice.collection_method = collection;
    record.daysUntilDue = resolved.daysUntilDue;
    invoice.due_date = resolved.dueDate;
  }
  invoice.metadata = mergeMetadata(invoice.metadata, optionalMetadata(params.metadata));
}

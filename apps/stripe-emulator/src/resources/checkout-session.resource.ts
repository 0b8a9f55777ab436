import { readCheckoutLineItems } from '../checkout/checkout-line-items';
import { expireCheckoutSession } from '../checkout/checkout-payment.service';
import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { ApiRouter } from '../http/api-request';
import { FormObject } from '../http/form-body';
import { CheckoutLineItem, CheckoutSessionObject, CheckoutSessionRecord } from '../models/checkout.model';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import {
  createdMetadata,
  nullableString,
  optionalCurrency,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  timestampFilter,
} from '../params/param-readers';
import { PaymentMethodTypeSelection, selectPaymentMethodTypes } from '../payments/payment-method-types';
import { newId, nowSeconds } from '../store/ids';
import { arrayPageSource, ListObject, paginate } from '../store/list-page';

interface PaymentMethodChoice {
  selection: PaymentMethodTypeSelection;
  options: Record<string, Record<string, string>>;
}

const WECHAT_CLIENTS = ['web', 'ios', 'android'] as const;
const SUBMIT_TYPES = ['auto', 'book', 'donate', 'pay', 'subscribe'] as const;
const STATUSES = ['open', 'complete', 'expired'] as const;
/** Stripe accepts `expires_at` 30 minutes to 24 hours ahead; a minute of slack absorbs client clock skew. */
const MIN_EXPIRY_SECONDS = 30 * 60 - 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

export function registerCheckoutSessionRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const sessions = ctx.store.checkoutSessions;

  router.post('/v1/checkout/sessions', ({ params, apiVersion }) => {
    assertKnownParams(params, KNOWN_PARAMS.checkoutSessionCreate);
    const record = buildSession(ctx, params, apiVersion);
    sessions.insert(record);
    return record.session;
  });

  router.get('/v1/checkout/sessions/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return sessions.require(pathParams.id).session;
  });

  router.get('/v1/checkout/sessions', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.checkoutSessionList);
    const customer = optionalString(params.customer, 'customer');
    const paymentIntent = optionalString(params.payment_intent, 'payment_intent');
    const status = optionalEnum(params.status, 'status', STATUSES);
    const created = timestampFilter(params.created, 'created');
    const source = sessions.pageSource(
      '/v1/checkout/sessions',
      ({ session }) =>
        (customer === undefined || session.customer === customer) &&
        (paymentIntent === undefined || session.payment_intent === paymentIntent) &&
        (status === undefined || session.status === status) &&
        created(session.created),
    );
    const page = paginate(source, params);
    return { ...page, data: page.data.map((record) => record.session) };
  });

  router.get('/v1/checkout/sessions/:id/line_items', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.pagination);
    return lineItemsList(sessions.require(pathParams.id), params);
  });

  router.post('/v1/checkout/sessions/:id/expire', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    const record = sessions.require(pathParams.id);
    expireCheckoutSession(ctx, record);
    return record.session;
  });
}

export function lineItemsList(record: CheckoutSessionRecord, params: FormObject): ListObject<CheckoutLineItem> {
  return paginate(arrayPageSource(record.lineItems, 'line_item', `/v1/checkout/sessions/${record.id}/line_items`), params);
}

function buildSession(ctx: EmulatorContext, params: FormObject, apiVersion: string): CheckoutSessionRecord {
  const mode = optionalEnum(params.mode, 'mode', ['payment', 'setup', 'subscription'] as const);
  if (!mode) throw ApiError.missingParam('mode');
  if (mode !== 'payment') throw ApiError.invalidParam('mode', 'The Stripe emulator only supports mode=payment.');
  const uiMode = optionalString(params.ui_mode, 'ui_mode');
  if (uiMode !== undefined && uiMode !== 'hosted') {
    throw ApiError.invalidParam('ui_mode', 'The Stripe emulator only supports the hosted payment page (ui_mode=hosted).');
  }
  const created = nowSeconds();
  const lineItems = readCheckoutLineItems(params.line_items, created);
  const currency = optionalCurrency(params.currency, 'currency');
  if (currency && currency !== lineItems.currency) {
    throw ApiError.invalidParam('currency', `currency (${currency}) does not match the line items' currency (${lineItems.currency}).`);
  }
  const customerId = optionalString(params.customer, 'customer');
  const customerEmail = optionalString(params.customer_email, 'customer_email', 800);
  if (customerId && customerEmail) {
    throw ApiError.invalidRequest('You may only specify one of these parameters: customer, customer_email.', { param: 'customer_email' });
  }
  if (customerId) ctx.store.customers.requireParam(customerId, 'customer');
  const methods = readPaymentMethods(params, apiVersion, lineItems.currency);
  const paymentIntentData = readPaymentIntentData(params);
  const id = newId('cs_test', 58);
  const session: CheckoutSessionObject = {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: methods.selection.allowed,
    amount_subtotal: lineItems.amountTotal,
    amount_total: lineItems.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: readUrl(params, 'cancel_url'),
    client_reference_id: optionalString(params.client_reference_id, 'client_reference_id', 200) ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency: lineItems.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: customerId ?? null,
    customer_creation: customerId ? null : 'if_required',
    customer_details: customerEmail ? { email: customerEmail, name: null, phone: null, tax_exempt: 'none' } : null,
    customer_email: customerEmail ?? null,
    discounts: [],
    ...(methods.selection.excluded ? { excluded_payment_method_types: methods.selection.excluded } : {}),
    expires_at: readExpiresAt(params, created),
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: optionalString(params.locale, 'locale', 10) ?? null,
    metadata: createdMetadata(params.metadata),
    mode,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: methods.options,
    payment_method_types: methods.selection.types,
    payment_status: 'unpaid',
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: optionalEnum(params.submit_type, 'submit_type', SUBMIT_TYPES) ?? null,
    subscription: null,
    success_url: readUrl(params, 'success_url'),
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `${ctx.runtime.publicUrl}/pay/${id}`,
    wallet_options: null,
  };
  return { id, session, lineItems: lineItems.items, paymentIntentData };
}

/**
 * WeChat Pay in Checkout needs `payment_method_options[wechat_pay][client]`. An explicit legacy
 * list without it is an error; with dynamic / allowed types WeChat Pay is simply not offered.
 */
function readPaymentMethods(params: FormObject, apiVersion: string, currency: string): PaymentMethodChoice {
  const options = optionalObject(params.payment_method_options, 'payment_method_options') ?? {};
  const wechat = optionalObject(options.wechat_pay, 'payment_method_options[wechat_pay]');
  const client = wechat ? optionalEnum(wechat.client, 'payment_method_options[wechat_pay][client]', WECHAT_CLIENTS) : undefined;
  const selection = selectPaymentMethodTypes(params, apiVersion, currency, (type) => type !== 'wechat_pay' || client !== undefined);
  if (selection.legacy && selection.types.includes('wechat_pay') && !client) {
    throw ApiError.missingParam('payment_method_options[wechat_pay][client]');
  }
  return { selection, options: client && selection.types.includes('wechat_pay') ? { wechat_pay: { client } } : {} };
}

function readPaymentIntentData(params: FormObject): CheckoutSessionRecord['paymentIntentData'] {
  const data = optionalObject(params.payment_intent_data, 'payment_intent_data') ?? {};
  if (data.capture_method === 'manual') {
    throw ApiError.invalidParam('payment_intent_data[capture_method]', 'The Stripe emulator does not support capture_method=manual.');
  }
  return {
    metadata: createdMetadata(data.metadata, 'payment_intent_data[metadata]'),
    description: nullableString(data.description, 'payment_intent_data[description]', 1000) ?? null,
    receipt_email: nullableString(data.receipt_email, 'payment_intent_data[receipt_email]') ?? null,
  };
}

function readExpiresAt(params: FormObject, created: number): number {
  const expiresAt = optionalInteger(params.expires_at, 'expires_at');
  if (expiresAt === undefined) return created + MAX_EXPIRY_SECONDS;
  if (expiresAt < created + MIN_EXPIRY_SECONDS || expiresAt > created + MAX_EXPIRY_SECONDS) {
    throw ApiError.invalidParam(
      'expires_at',
      'The `expires_at` timestamp must be at least 30 minutes and at most 24 hours after Checkout Session creation.',
    );
  }
  return expiresAt;
}

function readUrl(params: FormObject, param: 'success_url' | 'cancel_url'): string | null {
  const value = optionalString(params[param], param, 5000);
  if (value === undefined || value === '') return null;
  // `{CHECKOUT_SESSION_ID}` is a template Stripe fills in on redirect, not valid URL syntax.
  const probe = value.replace(/\{CHECKOUT_SESSION_ID\}/g, 'cs');
  let url: URL;
  try {
    url = new URL(probe);
  } catch {
    throw ApiError.invalidParam(param, `Not a valid URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw ApiError.invalidParam(param, `Not a valid URL: ${value}`);
  return value;
}

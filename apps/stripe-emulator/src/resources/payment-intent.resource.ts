import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { ApiRouter } from '../http/api-request';
import { FormObject } from '../http/form-body';
import { PaymentIntentObject, PaymentIntentStatus } from '../models/payment.model';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import {
  createdMetadata,
  mergeMetadata,
  nullableString,
  optionalAmount,
  optionalBoolean,
  optionalEnum,
  optionalMetadata,
  optionalObject,
  optionalString,
  requiredAmount,
  requiredCurrency,
  timestampFilter,
} from '../params/param-readers';
import { attemptPayment, createPaymentIntent } from '../payments/payment.service';
import { selectPaymentMethodTypes } from '../payments/payment-method-types';
import { ResolvedPaymentMethod, resolveTestPaymentMethod } from '../payments/test-payment-methods';
import { nowSeconds } from '../store/ids';
import { paginate } from '../store/list-page';

const CONFIRMABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE: PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

export function registerPaymentIntentRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const intents = ctx.store.paymentIntents;

  router.post('/v1/payment_intents', ({ params, apiVersion }) => {
    assertKnownParams(params, KNOWN_PARAMS.paymentIntentCreate);
    const amount = requiredAmount(params.amount, 'amount');
    if (amount < 1) throw ApiError.invalidParam('amount', 'This value must be greater than or equal to 1.');
    const currency = requiredCurrency(params.currency, 'currency');
    rejectManualCapture(params);
    const customerId = optionalString(params.customer, 'customer');
    if (customerId) ctx.store.customers.requireParam(customerId, 'customer');
    const methodAlias = optionalString(params.payment_method, 'payment_method');
    const method = methodAlias ? resolvePaymentMethod(ctx, methodAlias) : undefined;
    const confirm = optionalBoolean(params.confirm, 'confirm') ?? false;
    const automatic = optionalObject(params.automatic_payment_methods, 'automatic_payment_methods');
    const automaticEnabled = automatic ? optionalBoolean(automatic.enabled, 'automatic_payment_methods[enabled]') : undefined;
    const methodTypes = selectPaymentMethodTypes(params, apiVersion, currency);
    const intent = createPaymentIntent(ctx, {
      amount,
      currency,
      customer: customerId ?? null,
      description: nullableString(params.description, 'description', 1000) ?? null,
      metadata: createdMetadata(params.metadata),
      payment_method_types: methodTypes.types,
      allowed_payment_method_types: methodTypes.allowed,
      excluded_payment_method_types: methodTypes.excluded,
      receipt_email: nullableString(params.receipt_email, 'receipt_email') ?? null,
      automatic_payment_methods: automaticEnabled === undefined ? null : { enabled: automaticEnabled },
      payment_method: method?.id,
    });
    if (confirm) confirmIntent(ctx, intent, method);
    return intent;
  });

  router.get('/v1/payment_intents/:id', ({ pathParams, params }) => {
    assertKnownParams(params, [...KNOWN_PARAMS.expandOnly, 'client_secret']);
    return intents.require(pathParams.id);
  });

  router.post('/v1/payment_intents/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.paymentIntentUpdate);
    const intent = intents.require(pathParams.id);
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      const touchesMoney = params.amount !== undefined || params.currency !== undefined;
      if (touchesMoney) throw unexpectedState(intent, `You cannot update the amount of a PaymentIntent with status ${intent.status}.`);
    }
    const amount = optionalAmount(params.amount, 'amount');
    if (amount !== undefined) intent.amount = amount;
    const description = nullableString(params.description, 'description', 1000);
    if (description !== undefined) intent.description = description;
    const receiptEmail = nullableString(params.receipt_email, 'receipt_email');
    if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
    intent.metadata = mergeMetadata(intent.metadata, optionalMetadata(params.metadata));
    return intent;
  });

  router.post('/v1/payment_intents/:id/confirm', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.paymentIntentConfirm);
    const intent = intents.require(pathParams.id);
    rejectManualCapture(params);
    const alias = optionalString(params.payment_method, 'payment_method');
    const method = alias ? resolvePaymentMethod(ctx, alias) : undefined;
    const receiptEmail = nullableString(params.receipt_email, 'receipt_email');
    if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
    confirmIntent(ctx, intent, method);
    return intent;
  });

  router.post('/v1/payment_intents/:id/cancel', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.paymentIntentCancel);
    const intent = intents.require(pathParams.id);
    const reason = optionalEnum(params.cancellation_reason, 'cancellation_reason', CANCELLATION_REASONS);
    const ownedByCheckout = ctx.store.checkoutSessions.list((r) => r.session.payment_intent === intent.id && r.session.status === 'open');
    if (ownedByCheckout.length > 0) {
      throw ApiError.invalidState(
        'You cannot cancel this PaymentIntent because it was created by Checkout. You must expire the Checkout Session instead.',
        'payment_intent_unexpected_state',
      );
    }
    if (!CANCELABLE.includes(intent.status)) {
      throw unexpectedState(
        intent,
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      );
    }
    intent.status = 'canceled';
    intent.canceled_at = nowSeconds();
    intent.cancellation_reason = reason ?? null;
    ctx.events.emit('payment_intent.canceled', intent);
    return intent;
  });

  router.get('/v1/payment_intents', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.paymentIntentList);
    const customer = optionalString(params.customer, 'customer');
    const created = timestampFilter(params.created, 'created');
    return paginate(
      intents.pageSource('/v1/payment_intents', (pi) => (customer === undefined || pi.customer === customer) && created(pi.created)),
      params,
    );
  });
}

function confirmIntent(ctx: EmulatorContext, intent: PaymentIntentObject, method: ResolvedPaymentMethod | undefined): void {
  if (intent.status === 'succeeded') {
    throw unexpectedState(intent, 'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.');
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      intent,
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
    );
  }
  const chosen = method ?? (intent.payment_method ? ctx.store.paymentMethods.get(intent.payment_method) : undefined);
  if (!chosen) {
    throw unexpectedState(intent, "You cannot confirm this PaymentIntent because it's missing a payment method. Pass `payment_method` (for example pm_card_visa).");
  }
  if (!intent.payment_method_types.includes(chosen.type)) {
    throw ApiError.invalidRequest(
      `The PaymentMethod provided (${chosen.type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${intent.payment_method_types.join(', ')}.`,
      { param: 'payment_method', code: 'payment_intent_incompatible_payment_method' },
    );
  }
  const charge = attemptPayment(ctx, intent, chosen, intent.receipt_email);
  if (chosen.decline) {
    throw ApiError.cardError({
      code: chosen.decline.code,
      decline_code: chosen.decline.decline_code ?? undefined,
      message: chosen.decline.message,
      charge: charge.id,
      payment_intent: structuredClone(intent),
    });
  }
}

/** Test aliases become real-looking `pm_…` objects that later requests may reference by id. */
function resolvePaymentMethod(ctx: EmulatorContext, idOrAlias: string): ResolvedPaymentMethod {
  const known = ctx.store.paymentMethods.get(idOrAlias);
  if (known) return known;
  const resolved = resolveTestPaymentMethod(idOrAlias, 'payment_method');
  ctx.store.paymentMethods.set(resolved.id, resolved);
  return resolved;
}

/** Manual capture changes the whole lifecycle; refusing it beats silently capturing. */
function rejectManualCapture(params: FormObject): void {
  if (params.capture_method === 'manual') {
    throw ApiError.invalidParam('capture_method', 'The Stripe emulator does not support capture_method=manual.');
  }
}

function unexpectedState(intent: PaymentIntentObject, message: string): ApiError {
  const error = ApiError.invalidState(message, 'payment_intent_unexpected_state');
  error.body.payment_intent = structuredClone(intent);
  return error;
}

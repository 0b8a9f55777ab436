import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { CheckoutSessionObject, CheckoutSessionRecord } from '../models/checkout.model';
import { ChargeObject, PaymentIntentObject } from '../models/payment.model';
import { attemptPayment, createPaymentIntent } from '../payments/payment.service';
import { checkoutPaymentMethod } from '../payments/test-payment-methods';
import { nowSeconds } from '../store/ids';

export interface CheckoutAttempt {
  session: CheckoutSessionObject;
  payment_intent: PaymentIntentObject;
  charge: ChargeObject;
}

/**
 * What a buyer does on the hosted page, shared by the HTML page and the JSON control
 * endpoints so browser tests and API tests exercise the same state transitions.
 */
export function payCheckoutSession(ctx: EmulatorContext, sessionId: string, paymentMethodType?: string): CheckoutAttempt {
  return attempt(ctx, sessionId, paymentMethodType, false);
}

/** A declined attempt: the session stays open so the buyer can try again, as on Stripe. */
export function declineCheckoutSession(ctx: EmulatorContext, sessionId: string, paymentMethodType?: string): CheckoutAttempt {
  return attempt(ctx, sessionId, paymentMethodType, true);
}

export function expireCheckoutSession(ctx: EmulatorContext, record: CheckoutSessionRecord): void {
  const session = record.session;
  if (session.status !== 'open') {
    throw ApiError.invalidState(`Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${session.status}".`);
  }
  session.status = 'expired';
  session.url = null;
  const intent = session.payment_intent ? ctx.store.paymentIntents.get(session.payment_intent) : undefined;
  if (intent && intent.status !== 'succeeded' && intent.status !== 'canceled') {
    intent.status = 'canceled';
    intent.canceled_at = nowSeconds();
    intent.cancellation_reason = 'abandoned';
    ctx.events.emit('payment_intent.canceled', intent);
  }
  ctx.events.emit('checkout.session.expired', session);
}

/** Sessions past `expires_at` expire on the next request or sweep, emitting the event then. */
export function expireDueSessions(ctx: EmulatorContext): void {
  const now = nowSeconds();
  for (const record of ctx.store.checkoutSessions.list((r) => r.session.status === 'open' && r.session.expires_at <= now)) {
    expireCheckoutSession(ctx, record);
  }
}

function attempt(ctx: EmulatorContext, sessionId: string, requestedType: string | undefined, decline: boolean): CheckoutAttempt {
  expireDueSessions(ctx);
  const record = ctx.store.checkoutSessions.require(sessionId);
  const session = record.session;
  if (session.status !== 'open') {
    throw ApiError.invalidState(`This Checkout Session is no longer open (status: ${session.status}).`);
  }
  const type = requestedType || session.payment_method_types[0];
  if (!session.payment_method_types.includes(type)) {
    throw ApiError.invalidParam(
      'payment_method_type',
      `This Checkout Session accepts ${session.payment_method_types.join(', ')}, not ${type}.`,
    );
  }
  const customer = session.customer ? ctx.store.customers.get(session.customer) : undefined;
  const email = session.customer_email ?? customer?.email ?? null;
  const intent = intentFor(ctx, record);
  const method = checkoutPaymentMethod(type, decline);
  ctx.store.paymentMethods.set(method.id, method);
  const charge = attemptPayment(ctx, intent, method, email);
  if (!decline) {
    session.status = 'complete';
    session.payment_status = 'paid';
    session.url = null;
    session.customer_details = { email, name: customer?.name ?? null, phone: customer?.phone ?? null, tax_exempt: 'none' };
    ctx.events.emit('checkout.session.completed', session);
  }
  return { session, payment_intent: intent, charge };
}

/** Created at the first attempt, like Checkout does since 2022-08-01, then reused on retries. */
function intentFor(ctx: EmulatorContext, record: CheckoutSessionRecord): PaymentIntentObject {
  const existing = record.session.payment_intent ? ctx.store.paymentIntents.get(record.session.payment_intent) : undefined;
  if (existing) return existing;
  const session = record.session;
  const intent = createPaymentIntent(ctx, {
    amount: session.amount_total,
    currency: session.currency,
    customer: session.customer,
    description: record.paymentIntentData.description,
    metadata: { ...record.paymentIntentData.metadata },
    payment_method_types: [...session.payment_method_types],
    allowed_payment_method_types: session.allowed_payment_method_types && [...session.allowed_payment_method_types],
    excluded_payment_method_types: session.excluded_payment_method_types ? [...session.excluded_payment_method_types] : null,
    receipt_email: record.paymentIntentData.receipt_email,
    automatic_payment_methods: null,
  });
  session.payment_intent = intent.id;
  return intent;
}

import { EmulatorContext } from '../emulator.context';
import { ChargeObject, PaymentIntentObject } from '../models/payment.model';
import { Metadata } from '../params/param-readers';
import { newId, nowSeconds, randomToken } from '../store/ids';
import { ResolvedPaymentMethod } from './test-payment-methods';

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Metadata;
  payment_method_types: string[];
  allowed_payment_method_types: string[] | null;
  excluded_payment_method_types: string[] | null;
  receipt_email: string | null;
  automatic_payment_methods: { enabled: boolean } | null;
  /** A method given at creation moves the intent straight to `requires_confirmation`. */
  payment_method?: string;
}

export function createPaymentIntent(ctx: EmulatorContext, input: NewPaymentIntent): PaymentIntentObject {
  const id = newId('pi');
  const intent: PaymentIntentObject = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: input.allowed_payment_method_types,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.automatic_payment_methods,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: nowSeconds(),
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    excluded_payment_method_types: input.excluded_payment_method_types,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.payment_method ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: input.payment_method_types,
    processing: null,
    receipt_email: input.receipt_email,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: input.payment_method ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  ctx.store.paymentIntents.insert(intent);
  ctx.events.emit('payment_intent.created', intent);
  return intent;
}

/**
 * One confirmation attempt: always leaves a Charge behind (failed charges exist in Stripe
 * too) and moves the PaymentIntent to `succeeded` or back to `requires_payment_method`.
 */
export function attemptPayment(
  ctx: EmulatorContext,
  intent: PaymentIntentObject,
  method: ResolvedPaymentMethod,
  billingEmail: string | null,
): ChargeObject {
  const charge = buildCharge(intent, method, billingEmail);
  ctx.store.charges.insert(charge);
  intent.latest_charge = charge.id;
  intent.payment_method = method.id;
  if (method.decline) {
    intent.status = 'requires_payment_method';
    intent.last_payment_error = {
      type: 'card_error',
      code: method.decline.code,
      decline_code: method.decline.decline_code,
      message: method.decline.message,
      doc_url: `https://stripe.com/docs/error-codes/${method.decline.code.replace(/_/g, '-')}`,
      charge: charge.id,
      payment_method: { id: method.id, object: 'payment_method', type: method.type },
    };
    ctx.events.emit('charge.failed', charge);
    ctx.events.emit('payment_intent.payment_failed', intent);
  } else {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    ctx.events.emit('charge.succeeded', charge);
    ctx.events.emit('payment_intent.succeeded', intent);
  }
  return charge;
}

function buildCharge(intent: PaymentIntentObject, method: ResolvedPaymentMethod, billingEmail: string | null): ChargeObject {
  const declined = method.decline !== null;
  const id = newId('ch');
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: declined ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: declined ? null : newId('txn'),
    billing_details: { address: null, email: billingEmail, name: null, phone: null },
    calculated_statement_descriptor: 'SHANHAI',
    captured: !declined,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: method.decline?.code ?? null,
    failure_message: method.decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    // Stripe copies the PaymentIntent's metadata onto the charges it creates.
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: declined
      ? {
          network_status: 'declined_by_network',
          reason: method.decline?.decline_code ?? 'generic_decline',
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        }
      : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' },
    paid: !declined,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: method.details,
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/emulator_${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: declined ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
}

import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { ApiRouter } from '../http/api-request';
import { FormObject } from '../http/form-body';
import { ChargeObject, RefundObject } from '../models/payment.model';
import { formatAmount } from '../money/format-amount';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import { createdMetadata, optionalAmount, optionalEnum, optionalString, timestampFilter } from '../params/param-readers';
import { newId, nowSeconds } from '../store/ids';
import { paginate } from '../store/list-page';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

export function registerRefundRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const refunds = ctx.store.refunds;

  router.post('/v1/refunds', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.refundCreate);
    const charge = chargeToRefund(ctx, params);
    const amount = optionalAmount(params.amount, 'amount');
    const reason = optionalEnum(params.reason, 'reason', REASONS) ?? null;
    const metadata = createdMetadata(params.metadata);
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw ApiError.invalidState(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
    }
    if (amount !== undefined && amount < 1) throw ApiError.invalidParam('amount', 'This value must be greater than or equal to 1.');
    if (amount !== undefined && amount > remaining) {
      throw ApiError.invalidRequest(
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        { param: 'amount', code: 'amount_too_large' },
      );
    }
    const refund: RefundObject = {
      id: newId('re'),
      object: 'refund',
      amount: amount ?? remaining,
      balance_transaction: newId('txn'),
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata,
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    refunds.insert(refund);
    charge.amount_refunded += refund.amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    ctx.events.emit('refund.created', refund);
    ctx.events.emit('charge.refunded', charge);
    return refund;
  });

  router.get('/v1/refunds/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return refunds.require(pathParams.id);
  });

  router.get('/v1/refunds', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.refundList);
    const charge = optionalString(params.charge, 'charge');
    const paymentIntent = optionalString(params.payment_intent, 'payment_intent');
    const created = timestampFilter(params.created, 'created');
    return paginate(
      refunds.pageSource(
        '/v1/refunds',
        (r) =>
          (charge === undefined || r.charge === charge) &&
          (paymentIntent === undefined || r.payment_intent === paymentIntent) &&
          created(r.created),
      ),
      params,
    );
  });
}

/** A refund targets a charge directly or a PaymentIntent's successful charge. */
function chargeToRefund(ctx: EmulatorContext, params: FormObject): ChargeObject {
  const chargeId = optionalString(params.charge, 'charge');
  const intentId = optionalString(params.payment_intent, 'payment_intent');
  if (intentId) {
    const intent = ctx.store.paymentIntents.requireParam(intentId, 'payment_intent');
    if (chargeId && intent.latest_charge !== chargeId) {
      throw ApiError.invalidParam('charge', `Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`);
    }
    const charge = intent.latest_charge ? ctx.store.charges.get(intent.latest_charge) : undefined;
    if (intent.status !== 'succeeded' || !charge || charge.status !== 'succeeded') {
      throw ApiError.invalidState(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`);
    }
    return charge;
  }
  if (!chargeId) {
    throw ApiError.invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
      code: 'parameter_missing',
    });
  }
  const charge = ctx.store.charges.requireParam(chargeId, 'charge');
  if (charge.status !== 'succeeded') throw ApiError.invalidState(`Charge ${charge.id} has no successful payment to refund.`);
  return charge;
}

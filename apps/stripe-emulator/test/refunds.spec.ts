import Stripe from 'stripe';
import { Harness, startHarness, verifiedEvents } from './support/emulator-harness';

describe('refunds', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.reset();
    h.receiver.clear();
  });

  async function paidIntent(amount: number): Promise<Stripe.PaymentIntent> {
    return h.stripe.paymentIntents.create({ amount, currency: 'cny', payment_method: 'pm_card_visa', confirm: true });
  }

  it('refunds partially, then the rest, then refuses to refund more', async () => {
    const intent = await paidIntent(10_000);
    expect(intent.status).toBe('succeeded');

    const partial = await h.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 3_000,
      reason: 'requested_by_customer',
      metadata: { return_id: 'ret_1' },
    });
    expect(partial).toMatchObject({ object: 'refund', amount: 3_000, status: 'succeeded', payment_intent: intent.id, reason: 'requested_by_customer' });
    expect(partial.id).toMatch(/^re_/);
    let charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge.amount_refunded).toBe(3_000);
    expect(charge.refunded).toBe(false);

    const tooMuch = await h.stripe.refunds.create({ charge: charge.id, amount: 7_001 }).catch((e: unknown) => e);
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });

    const rest = await h.stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(7_000);
    charge = await h.stripe.charges.retrieve(charge.id, { expand: ['refunds'] });
    expect(charge.amount_refunded).toBe(10_000);
    expect(charge.refunded).toBe(true);
    expect(charge.refunds?.data.map((r) => r.amount).sort()).toEqual([3_000, 7_000]);

    const again = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 1 }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again).toMatchObject({ code: 'charge_already_refunded' });

    const listed = await h.stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, partial.id]);

    await h.receiver.waitFor((received) => received.filter((w) => w.eventType === 'charge.refunded').length === 2);
    const refundedEvents = verifiedEvents(h).filter((e) => e.type === 'charge.refunded') as Stripe.ChargeRefundedEvent[];
    expect(refundedEvents.map((e) => e.data.object.amount_refunded).sort((a, b) => a - b)).toEqual([3_000, 10_000]);
    expect(verifiedEvents(h).filter((e) => e.type === 'refund.created')).toHaveLength(2);
  });

  it('refuses refunds for unpaid intents and unknown charges', async () => {
    const unpaid = await h.stripe.paymentIntents.create({ amount: 500, currency: 'cny' });
    await expect(h.stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.stripe.refunds.create({ charge: 'ch_missing' })).rejects.toMatchObject({ code: 'resource_missing', param: 'charge' });
    await expect(h.stripe.refunds.create({})).rejects.toMatchObject({ statusCode: 400 });
  });
});

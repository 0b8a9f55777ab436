import Stripe from 'stripe';
import { checkoutParams, Harness, startHarness } from './support/emulator-harness';

describe('API conventions: auth, errors, idempotency, pagination', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.emulator.reset());

  it('rejects requests without a secret key with StripeAuthenticationError (401)', async () => {
    // The SDK refuses an empty key, so a no-op authenticator is how it sends no Authorization header.
    const anonymous = new Stripe(null as unknown as string, {
      host: h.emulator.host,
      port: h.emulator.port,
      protocol: 'http',
      authenticator: async () => undefined,
    });
    await expect(anonymous.customers.list()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });

    const publishable = new Stripe('pk_test_123', { host: h.emulator.host, port: h.emulator.port, protocol: 'http' });
    const error = await publishable.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);

    const raw = await fetch(`${h.emulator.url}/v1/customers`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('answers a missing object with 404 resource_missing (StripeInvalidRequestError)', async () => {
    const error = await h.stripe.customers.retrieve('cus_doesnotexist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id', message: "No such customer: 'cus_doesnotexist'" });
    await expect(h.stripe.invoices.retrieve('in_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(h.stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('rejects unknown parameters and non-integer amounts with the offending param', async () => {
    await expect(h.stripe.customers.create({ emial: 'typo@example.com' } as Stripe.CustomerCreateParams)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'emial',
      message: 'Received unknown parameter: emial',
    });
    await expect(h.stripe.paymentIntents.create({ amount: -5, currency: 'cny' })).rejects.toMatchObject({ param: 'amount', statusCode: 400 });
    await expect(h.stripe.paymentIntents.create({ amount: 100 } as Stripe.PaymentIntentCreateParams)).rejects.toMatchObject({
      param: 'currency',
      message: 'Missing required param: currency.',
    });
  });

  it('parses nested form parameters and updates metadata like Stripe (empty value deletes a key)', async () => {
    const customer = await h.stripe.customers.create({
      email: 'buyer@example.com',
      name: '成都某某食堂',
      address: { city: '成都', country: 'CN' },
      metadata: { organisation_id: 'org_1', tier: 'gold' },
      preferred_locales: ['zh-CN', 'en'],
    });
    expect(customer.id).toMatch(/^cus_/);
    expect(customer.address).toMatchObject({ city: '成都', country: 'CN', line1: null });
    expect(customer.preferred_locales).toEqual(['zh-CN', 'en']);

    const updated = await h.stripe.customers.update(customer.id, { metadata: { tier: '', region: 'west' }, name: 'Canteen' });
    expect(updated.metadata).toEqual({ organisation_id: 'org_1', region: 'west' });
    expect(updated.name).toBe('Canteen');
    const events = await h.stripe.events.list({ type: 'customer.updated' });
    expect(events.data[0].data.previous_attributes).toMatchObject({ name: '成都某某食堂' });
  });

  it('replays an idempotent POST and refuses a key reused with different parameters', async () => {
    const key = 'order-42-checkout';
    const first = await h.stripe.checkout.sessions.create(checkoutParams(), { idempotencyKey: key });
    const replay = await h.stripe.checkout.sessions.create(checkoutParams(), { idempotencyKey: key });

    expect(replay.id).toBe(first.id);
    expect(replay.status).toBe(first.status);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect((await h.stripe.checkout.sessions.list()).data).toHaveLength(1);

    const conflicting = await h.stripe.checkout.sessions
      .create(checkoutParams({ client_reference_id: 'order_43' }), { idempotencyKey: key })
      .catch((e: unknown) => e);
    expect(conflicting).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(conflicting).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
  });

  it('replays stored card errors but lets a corrected request reuse a key after a validation error', async () => {
    const declineKey = 'pi-declined';
    const params: Stripe.PaymentIntentCreateParams = { amount: 1000, currency: 'cny', payment_method: 'pm_card_chargeDeclined', confirm: true };
    const first = await h.stripe.paymentIntents.create(params, { idempotencyKey: declineKey }).catch((e: unknown) => e);
    const second = await h.stripe.paymentIntents.create(params, { idempotencyKey: declineKey }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((second as Stripe.errors.StripeCardError).payment_intent?.id).toBe((first as Stripe.errors.StripeCardError).payment_intent?.id);
    expect((await h.stripe.paymentIntents.list()).data).toHaveLength(1);

    const fixKey = 'pi-fixed';
    await expect(h.stripe.paymentIntents.create({ amount: 1000 } as Stripe.PaymentIntentCreateParams, { idempotencyKey: fixKey })).rejects.toThrow();
    const fixed = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'cny' }, { idempotencyKey: fixKey });
    expect(fixed.status).toBe('requires_payment_method');
  });

  it('paginates newest-first with limit, starting_after, ending_before and has_more', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await h.stripe.customers.create({ email: `c${i}@example.com` })).id);
    const newestFirst = [...created].reverse();

    const page1 = await h.stripe.customers.list({ limit: 2 });
    expect(page1.object).toBe('list');
    expect(page1.url).toBe('/v1/customers');
    expect(page1.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.has_more).toBe(true);

    const page2 = await h.stripe.customers.list({ limit: 2, starting_after: page1.data[1].id });
    expect(page2.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    expect(page2.has_more).toBe(true);

    const page3 = await h.stripe.customers.list({ limit: 2, starting_after: page2.data[1].id });
    expect(page3.data.map((c) => c.id)).toEqual(newestFirst.slice(4));
    expect(page3.has_more).toBe(false);

    const back = await h.stripe.customers.list({ limit: 2, ending_before: page3.data[0].id });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    expect(back.has_more).toBe(true);

    const all: string[] = [];
    for await (const customer of h.stripe.customers.list({ limit: 2 })) all.push(customer.id);
    expect(all).toEqual(newestFirst);

    const filtered = await h.stripe.customers.list({ email: 'c3@example.com' });
    expect(filtered.data.map((c) => c.id)).toEqual([created[3]]);

    await expect(h.stripe.customers.list({ limit: 101 })).rejects.toMatchObject({ param: 'limit' });
    await expect(h.stripe.customers.list({ starting_after: 'cus_unknown' })).rejects.toMatchObject({ param: 'starting_after', code: 'resource_missing' });
  });

  it('confirms payment intents with test cards and raises StripeCardError on declines', async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 2599, currency: 'cny', metadata: { order_id: 'o1' } });
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));

    const declined = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }).catch((e: unknown) => e);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });

    const retried = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', expand: ['latest_charge'] });
    expect(retried.status).toBe('succeeded');
    expect(retried.amount_received).toBe(2599);
    const charge = retried.latest_charge as Stripe.Charge;
    expect(charge.object).toBe('charge');
    expect(charge.metadata).toEqual({ order_id: 'o1' });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');

    await expect(h.stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    const other = await h.stripe.paymentIntents.create({ amount: 100, currency: 'cny' });
    const canceled = await h.stripe.paymentIntents.cancel(other.id, { cancellation_reason: 'abandoned' });
    expect(canceled.status).toBe('canceled');
    expect(canceled.cancellation_reason).toBe('abandoned');
    await expect(h.stripe.paymentIntents.confirm(other.id, { payment_method: 'pm_card_visa' })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('answers unknown endpoints like Stripe does', async () => {
    const response = await fetch(`${h.emulator.url}/v1/subscriptions`, { headers: { Authorization: 'Bearer sk_test_x' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('Unrecognized request URL (GET: /v1/subscriptions)');
  });
});

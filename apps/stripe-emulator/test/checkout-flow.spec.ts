import Stripe from 'stripe';
import { checkoutParams, Harness, startHarness, verifiedEvents } from './support/emulator-harness';

describe('checkout sessions through the official SDK', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.reset();
    h.receiver.clear();
  });

  it('creates a session, pays it via the control endpoint and delivers a verifiable checkout.session.completed', async () => {
    const session = await h.stripe.checkout.sessions.create(checkoutParams());

    expect(session.id).toMatch(/^cs_test_/);
    expect(session.object).toBe('checkout.session');
    expect(session.status).toBe('open');
    expect(session.payment_status).toBe('unpaid');
    expect(session.amount_total).toBe(1250 * 3 + 899 * 2);
    expect(session.amount_subtotal).toBe(5548);
    expect(session.currency).toBe('cny');
    expect(session.url).toBe(`${h.emulator.url}/pay/${session.id}`);
    expect(session.livemode).toBe(false);

    const paid = await h.control<{ session: Stripe.Checkout.Session; payment_intent: Stripe.PaymentIntent }>(
      'POST',
      `/__emulator/checkout/sessions/${session.id}/pay`,
      { payment_method_type: 'wechat_pay' },
    );
    expect(paid.status).toBe(200);
    expect(paid.body.session.status).toBe('complete');

    await h.receiver.waitFor((received) => received.some((w) => w.eventType === 'checkout.session.completed'));
    const events = verifiedEvents(h);
    const completed = events.find((e) => e.type === 'checkout.session.completed') as Stripe.CheckoutSessionCompletedEvent;
    expect(completed.data.object.id).toBe(session.id);
    expect(completed.data.object.payment_status).toBe('paid');
    expect(completed.data.object.status).toBe('complete');
    expect(completed.data.object.client_reference_id).toBe('order_42');
    expect(completed.data.object.metadata).toEqual({ order_id: 'order_42' });
    expect(completed.data.object.amount_total).toBe(5548);
    expect(completed.data.object.payment_intent).toBe(paid.body.payment_intent.id);

    const intent = await h.stripe.paymentIntents.retrieve(paid.body.payment_intent.id);
    expect(intent.status).toBe('succeeded');
    expect(intent.amount).toBe(5548);
    expect(intent.metadata).toEqual({ order_id: 'order_42' });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge.paid).toBe(true);
    expect(charge.payment_method_details?.type).toBe('wechat_pay');

    await h.receiver.waitFor((received) => received.length >= 4);
    expect(verifiedEvents(h).map((e) => e.type).sort()).toEqual(
      ['charge.succeeded', 'checkout.session.completed', 'payment_intent.created', 'payment_intent.succeeded'].sort(),
    );
  });

  it('lists line items and expands them on retrieve', async () => {
    const session = await h.stripe.checkout.sessions.create(checkoutParams());
    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data.map((i) => [i.description, i.quantity, i.amount_total])).toEqual([
      ['赣南脐橙 Navel oranges 5kg', 3, 3750],
      ['宁夏枸杞 Goji 500g', 2, 1798],
    ]);
    expect(items.data[0].price?.unit_amount).toBe(1250);

    const expanded = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(expanded.line_items?.data).toHaveLength(2);
  });

  it('serves a hosted page with the total in yuan and pay/decline/cancel buttons', async () => {
    const session = await h.stripe.checkout.sessions.create(checkoutParams());
    const response = await fetch(session.url as string);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<button[^>]*id="pay"[^>]*>支付 Pay<\/button>/);
    expect(html).toMatch(/<button[^>]*id="decline"[^>]*>拒绝 Decline<\/button>/);
    expect(html).toMatch(/<button[^>]*id="cancel"[^>]*>取消 Cancel<\/button>/);
    expect(html).toContain('id="total" data-amount="5548" data-currency="cny">¥55.48</td>');
    expect(html).toContain('赣南脐橙 Navel oranges 5kg');
  });

  it('handles the hosted page buttons: decline keeps the session open, pay redirects to success_url', async () => {
    const session = await h.stripe.checkout.sessions.create(checkoutParams());
    const form = (type: string) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `payment_method_type=${type}`,
      redirect: 'manual' as const,
    });

    const declined = await fetch(`${h.emulator.url}/pay/${session.id}/decline`, form('card'));
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('id="decline-message"');
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const cancelled = await fetch(`${h.emulator.url}/pay/${session.id}/cancel`, form('card'));
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe('http://127.0.0.1:3000/orders/order_42');

    const paid = await fetch(`${h.emulator.url}/pay/${session.id}/pay`, form('alipay'));
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://127.0.0.1:3000/orders/order_42/paid?session=${session.id}`);

    const after = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after.status).toBe('complete');
    const intent = after.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe('succeeded');
    const charges = await h.stripe.charges.list({ payment_intent: intent.id });
    expect(charges.data.map((c) => c.status)).toEqual(['succeeded', 'failed']);

    await h.receiver.waitFor((received) => received.some((w) => w.eventType === 'checkout.session.completed'));
    const types = verifiedEvents(h).map((e) => e.type);
    expect(types).toContain('payment_intent.payment_failed');
    expect(types).toContain('charge.failed');

    const again = await h.control<{ error: { type: string } }>('POST', `/__emulator/checkout/sessions/${session.id}/pay`);
    expect(again.status).toBe(400);
  });

  it('computes payment_method_types from allowed/excluded types and the currency', async () => {
    const session = await h.stripe.checkout.sessions.create(checkoutParams());
    expect(session.payment_method_types).toEqual(['card', 'wechat_pay', 'alipay']);
    expect(session.allowed_payment_method_types).toEqual(['card', 'wechat_pay', 'alipay']);
    expect(session.payment_method_options?.wechat_pay?.client).toBe('web');

    const dynamic = await h.stripe.checkout.sessions.create(
      checkoutParams({ allowed_payment_method_types: undefined, payment_method_options: undefined, excluded_payment_method_types: ['alipay'] }),
    );
    // Without payment_method_options[wechat_pay][client] WeChat Pay cannot be offered.
    expect(dynamic.payment_method_types).toEqual(['card']);
    expect(dynamic.allowed_payment_method_types).toBeNull();

    const usd = await h.stripe.checkout.sessions.create(
      checkoutParams({
        currency: 'usd',
        line_items: [{ price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Tea' } }, quantity: 1 }],
      }),
    );
    expect(usd.payment_method_types).toEqual(['card', 'wechat_pay', 'alipay']);
  });

  it('rejects the pre-endive payment_method_types parameter, but honours it for older API versions', async () => {
    const legacyParams = { ...checkoutParams(), allowed_payment_method_types: undefined, payment_method_types: ['card', 'wechat_pay'] };
    await expect(h.stripe.checkout.sessions.create(legacyParams as Stripe.Checkout.SessionCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      param: 'payment_method_types',
      code: 'parameter_unknown',
    });

    const basil = new Stripe('sk_test_emulator', {
      host: h.emulator.host,
      port: h.emulator.port,
      protocol: 'http',
      // The SDK's types only name its own API version; older accounts still send theirs.
      apiVersion: '2025-03-31.basil' as Stripe.StripeConfig['apiVersion'],
    });
    const session = await basil.checkout.sessions.create(legacyParams as Stripe.Checkout.SessionCreateParams);
    expect(session.payment_method_types).toEqual(['card', 'wechat_pay']);
    const withoutClient = { ...legacyParams, payment_method_options: {} };
    await expect(basil.checkout.sessions.create(withoutClient as Stripe.Checkout.SessionCreateParams)).rejects.toMatchObject({
      param: 'payment_method_options[wechat_pay][client]',
    });
  });

  it('expires open sessions and refuses to expire them twice', async () => {
    const session = await h.stripe.checkout.sessions.create(checkoutParams());
    const expired = await h.stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    expect(expired.url).toBeNull();
    await expect(h.stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const page = await fetch(session.url as string);
    expect(page.status).toBe(410);
    await h.receiver.waitFor((received) => received.some((w) => w.eventType === 'checkout.session.expired'));
  });

  it('validates parameters like Stripe', async () => {
    const notInteger = checkoutParams({
      line_items: [{ price_data: { currency: 'cny', unit_amount: 12.5, product_data: { name: 'x' } }, quantity: 1 }],
    });
    const error = await h.stripe.checkout.sessions.create(notInteger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((error as Stripe.errors.StripeError).param).toBe('line_items[0][price_data][unit_amount]');

    const allowedOnlyWechat = checkoutParams({ allowed_payment_method_types: ['wechat_pay'], payment_method_options: {} });
    await expect(h.stripe.checkout.sessions.create(allowedOnlyWechat)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'allowed_payment_method_types',
    });

    const unknownCustomer = checkoutParams({ customer: 'cus_missing' });
    await expect(h.stripe.checkout.sessions.create(unknownCustomer)).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
    });
  });
});

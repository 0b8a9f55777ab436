import Stripe from 'stripe';
import { DeliveryRecord } from '../src';
import { Harness, startHarness, verifiedEvents, WEBHOOK_SECRET } from './support/emulator-harness';

describe('webhook delivery', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.reset();
    h.receiver.clear();
  });

  it('signs deliveries so constructEvent accepts them, and rejects a wrong secret', async () => {
    const customer = await h.stripe.customers.create({ email: 'sig@example.com' });
    const [webhook] = await h.receiver.waitFor((received) => received.length === 1);

    expect(webhook.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = h.stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, WEBHOOK_SECRET);
    expect(event.type).toBe('customer.created');
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    expect(event.request?.idempotency_key).toEqual(expect.stringMatching(/^stripe-node-retry-/));

    expect(() => h.stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, 'whsec_wrong')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const tampered = webhook.rawBody.replace('sig@example.com', 'evil@example.com');
    expect(() => h.stripe.webhooks.constructEvent(tampered, webhook.signature, WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('retries with back-off until the receiver answers 2xx', async () => {
    h.receiver.respond = (n) => (n <= 2 ? 500 : 200);
    const customer = await h.stripe.customers.create({ email: 'retry@example.com' });

    await h.receiver.waitFor((received) => received.length === 1);
    expect(h.receiver.requestCount).toBe(3);
    expect((verifiedEvents(h)[0].data.object as Stripe.Customer).id).toBe(customer.id);

    const { body } = await h.control<{ data: DeliveryRecord[] }>('GET', '/__emulator/webhooks/deliveries');
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ status: 'succeeded', attempts: 3, last_status_code: 200 });
    expect(body.data[0].attempt_log.map((a) => a.status_code)).toEqual([500, 500, 200]);
    const [first, second, third] = body.data[0].attempt_log.map((a) => Date.parse(a.at));
    expect(third - second).toBeGreaterThan(second - first);
  });

  it('gives up after max_attempts and records the failure', async () => {
    await h.control('POST', '/__emulator/webhooks/config', { retry: { max_attempts: 3, initial_delay_ms: 20 } });
    h.receiver.respond = () => 503;
    await h.stripe.customers.create({ email: 'down@example.com' });
    await h.emulator.controls.settleDeliveries(5000);

    const [delivery] = h.emulator.controls.deliveries();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, last_status_code: 503 });
    expect(h.receiver.requestCount).toBe(3);
    await h.control('POST', '/__emulator/webhooks/config', { retry: { max_attempts: 8, initial_delay_ms: 50 } });
  });

  it('simulates network failures without sending, then retries', async () => {
    const faults = await h.control('POST', '/__emulator/webhooks/faults', { fail_next_attempts: 2 });
    expect(faults.body).toMatchObject({ fail_next_attempts: 2 });
    await h.stripe.customers.create({ email: 'flaky@example.com' });

    await h.receiver.waitFor((received) => received.length === 1);
    expect(h.receiver.requestCount).toBe(1);
    const [delivery] = h.emulator.controls.deliveries();
    expect(delivery.attempts).toBe(3);
    expect(delivery.attempt_log.map((a) => a.simulated_failure)).toEqual([true, true, false]);
  });

  it('duplicates the next N deliveries', async () => {
    await h.control('POST', '/__emulator/webhooks/faults', { duplicate_next: 1 });
    await h.stripe.customers.create({ email: 'dup1@example.com' });
    await h.stripe.customers.create({ email: 'dup2@example.com' });

    await h.receiver.waitFor((received) => received.length === 3);
    await h.emulator.controls.settleDeliveries(2000);
    const ids = verifiedEvents(h).map((e) => e.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(2);
    const counts = ids.reduce<Record<string, number>>((acc, id) => ({ ...acc, [id]: (acc[id] ?? 0) + 1 }), {});
    expect(Object.values(counts).sort()).toEqual([1, 2]);
    expect(h.emulator.controls.deliveries().filter((d) => d.duplicate)).toHaveLength(1);
  });

  it('holds deliveries and releases them in reverse order (automatically after N)', async () => {
    await h.control('POST', '/__emulator/webhooks/faults', { hold: true, release_after: 3 });
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push((await h.stripe.customers.create({ email: `order${i}@example.com` })).id);

    await h.receiver.waitFor((received) => received.length === 3);
    const arrived = verifiedEvents(h).map((e) => (e.data.object as Stripe.Customer).id);
    expect(arrived).toEqual([...created].reverse());
    expect(h.emulator.controls.faults().hold).toBe(false);
  });

  it('holds deliveries until released by the control endpoint', async () => {
    await h.control('POST', '/__emulator/webhooks/faults', { hold: true });
    const session = await h.stripe.customers.create({ email: 'held@example.com' });
    await h.stripe.customers.update(session.id, { name: 'Held' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.receiver.requestCount).toBe(0);
    expect(h.emulator.controls.deliveries({ status: 'held' })).toHaveLength(2);

    const released = await h.control<{ released: number }>('POST', '/__emulator/webhooks/release');
    expect(released.body.released).toBe(2);
    await h.receiver.waitFor((received) => received.length === 2);
    expect(verifiedEvents(h).map((e) => e.type)).toEqual(['customer.updated', 'customer.created']);
  });

  it('delays deliveries', async () => {
    await h.control('POST', '/__emulator/webhooks/faults', { delay_ms: 300 });
    const started = Date.now();
    await h.stripe.customers.create({ email: 'slow@example.com' });
    const [webhook] = await h.receiver.waitFor((received) => received.length === 1);
    expect(webhook.receivedAt - started).toBeGreaterThanOrEqual(280);
  });

  it('changes the webhook URL at runtime and resends past events', async () => {
    h.emulator.setWebhookUrl(null);
    const customer = await h.stripe.customers.create({ email: 'quiet@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.receiver.requestCount).toBe(0);
    const [event] = (await h.stripe.events.list({ type: 'customer.created' })).data;
    expect(event.pending_webhooks).toBe(0);
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);

    const config = await h.control<{ url: string }>('GET', '/__emulator/webhooks/config');
    expect(config.body.url).toBeNull();
    const receiverUrl = (await h.control<{ url: string }>('POST', '/__emulator/webhooks/config', { url: h.receiver.url })).body.url;
    expect(receiverUrl).toBe(h.receiver.url);

    await h.control('POST', `/__emulator/events/${event.id}/resend`);
    const [webhook] = await h.receiver.waitFor((received) => received.length === 1);
    expect(webhook.eventId).toBe(event.id);
  });
});

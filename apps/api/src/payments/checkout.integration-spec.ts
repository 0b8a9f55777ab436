import Stripe from 'stripe';
import { QUEUES } from '@shanhai/persistence';
import { Actor } from '../../../../test/support/fixtures';
import { buyerWithSite, deliveryDay, market, Market, PaymentsHarness, until, WEBHOOK_PATH, WEBHOOK_SECRET } from '../../../../test/support/payments-harness';

jest.setTimeout(120_000);

describe('payments: Stripe Checkout, the webhook and reconciliation of orphaned payments', () => {
  let h: PaymentsHarness;
  let m: Market;
  let buyer: Actor & { siteId: string };
  let potato: { skuId: string };
  let apple: { skuId: string };

  beforeAll(async () => {
    h = await PaymentsHarness.start('checkout');
    m = await market(h.f);
    buyer = await buyerWithSite(h.f);
    potato = await h.f.product(m.potatoCoop, { priceFen: 4_000, priceTiers: [{ minQuantity: 10, unitPriceFen: 3_600 }], units: 10_000 });
    apple = await h.f.product(m.appleCoop, { nameZh: '苹果', nameEn: 'Apples', priceFen: 9_800, priceTiers: [], units: 10_000, countyCode: '629802' });
  });
  afterAll(() => h.close());

  const order = async (paymentMethod = 'card', who = buyer, lines = [{ skuId: potato.skuId, quantity: 12 }, { skuId: apple.skuId, quantity: 2 }]) => {
    const res = await h.t.post('/api/orders', { deliverySiteId: who.siteId, deliveryDate: deliveryDay(), paymentMethod, lines }, who.token);
    if (res.status !== 201) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const checkout = async (orderId: string, body: object = {}, token = buyer.token) => h.t.post(`/api/orders/${orderId}/payment`, body, token);
  const orderOf = async (orderId: string) => (await h.t.get(`/api/orders/${orderId}`, buyer.token)).body;
  const outbox = async (orderId: string, type: string) => h.count(`SELECT 1 FROM outbox_events WHERE aggregate_id = $1 AND type = $2`, [orderId, type]);
  const paidEvent = async (sessionId: string): Promise<Stripe.Event> =>
    (await until(async () => h.emulator.controls.recentEvents({ type: 'checkout.session.completed' }).find((e) => (e.data.object as { id: string }).id === sessionId), (e) => e !== undefined))! as unknown as Stripe.Event;

  it('opens a Checkout Session with a line per order line and the delivery fees apart; the webhook makes the order paid once', async () => {
    const placed = await order();
    const res = await checkout(placed.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountFen: placed.totalFen, method: 'card', currency: 'CNY', reused: false, sessionId: expect.stringMatching(/^cs_test_/) });
    expect(res.body.checkoutUrl).toBe(`${h.emulator.url}/pay/${res.body.sessionId}`);

    const session = await h.stripe.checkout.sessions.retrieve(res.body.sessionId, { expand: ['line_items'] });
    expect(session).toMatchObject({ mode: 'payment', currency: 'cny', client_reference_id: placed.id, amount_total: placed.totalFen, allowed_payment_method_types: ['card'] });
    expect(session.metadata).toMatchObject({ buyer_order_id: placed.id, payment_id: res.body.paymentId, order_number: placed.number });
    expect(session.success_url).toBe(`http://storefront.test/orders/${placed.id}?payment=success&session_id={CHECKOUT_SESSION_ID}`);
    const items = session.line_items!.data.map((i) => [i.price?.unit_amount, i.quantity]);
    const feeOf = (supplierId: string) => placed.supplierOrders.find((so: any) => so.supplierId === supplierId).deliveryFeeFen;
    // Produce lines in order, then each cooperative's delivery fee in the order its lines came.
    expect(items).toEqual([[3_600, 12], [9_800, 2], [feeOf(m.potatoCoop.orgId), 1], [feeOf(m.appleCoop.orgId), 1]]);
    expect(session.line_items!.data.slice(2).every((i) => i.description?.startsWith('运费'))).toBe(true);
    // The session never outlives the order's reservation.
    const { payment_due_at } = (await h.t.db.query(`SELECT payment_due_at FROM buyer_orders WHERE id = $1`, [placed.id]))[0];
    expect(session.expires_at * 1000).toBeLessThanOrEqual(new Date(payment_due_at).getTime());
    expect(new Date(res.body.expiresAt).getTime()).toBe(session.expires_at * 1000);

    const again = await checkout(placed.id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ sessionId: res.body.sessionId, paymentId: res.body.paymentId, reused: true });
    // Paying is the webhook's business, never the redirect's: nothing is paid yet.
    expect((await orderOf(placed.id)).status).toBe('awaiting_payment');

    await h.pay(res.body.sessionId, 'card');
    const paid = await until(() => orderOf(placed.id), (o) => o.status === 'open');
    expect(paid).toMatchObject({ status: 'open', paymentStatus: 'paid' });
    expect(paid.supplierOrders.every((so: any) => so.status === 'placed')).toBe(true);
    await h.settle();
    expect(await outbox(placed.id, 'order.paid')).toBe(1);
    const [payment] = await h.t.db.query(`SELECT status, payment_intent_id, amount_fen::int AS amount FROM payments WHERE id = $1`, [res.body.paymentId]);
    expect(payment).toEqual({ status: 'succeeded', payment_intent_id: expect.stringMatching(/^pi_/), amount: placed.totalFen });
    // Paid: no second session.
    const late = await checkout(placed.id);
    expect([late.status, late.body.code, late.body.currentStatus]).toEqual([409, 'ORDER_NOT_PAYABLE', 'open']);
  });

  it('offers WeChat Pay and Alipay with the options Stripe needs, and switching method closes the old session', async () => {
    const placed = await order('wechat_pay');
    const wechat = await checkout(placed.id);
    expect(wechat.status).toBe(201);
    const s1 = await h.stripe.checkout.sessions.retrieve(wechat.body.sessionId);
    expect(s1.allowed_payment_method_types).toEqual(['wechat_pay']);
    expect(s1.payment_method_options).toEqual({ wechat_pay: { client: 'web' } });

    const alipay = await checkout(placed.id, { method: 'alipay' });
    expect(alipay.status).toBe(201);
    expect(alipay.body.sessionId).not.toBe(wechat.body.sessionId);
    expect((await h.stripe.checkout.sessions.retrieve(wechat.body.sessionId)).status).toBe('expired');
    await h.pay(alipay.body.sessionId, 'alipay');
    await until(() => orderOf(placed.id), (o) => o.status === 'open');
    await h.settle();
    expect(await outbox(placed.id, 'order.paid')).toBe(1);
    expect((await h.t.db.query(`SELECT method, status FROM payments WHERE buyer_order_id = $1 ORDER BY created_at`, [placed.id])).map((p: any) => [p.method, p.status])).toEqual([
      ['wechat_pay', 'expired'],
      ['alipay', 'succeeded'],
    ]);
  });

  it('changes nothing on duplicated, reordered and replayed webhooks', async () => {
    const a = await order();
    const b = await order();
    const sa = (await checkout(a.id)).body.sessionId;
    const sb = (await checkout(b.id)).body.sessionId;

    // Every event of the first payment arrives twice.
    h.emulator.controls.injectFaults({ duplicate_next: 4 });
    await h.pay(sa);
    await h.settle();
    // The second payment's four events are held, then delivered newest first (completed before created).
    h.emulator.controls.injectFaults({ hold: true, release_after: 4 });
    await h.pay(sb);
    await until(async () => (await orderOf(b.id)).status, (s) => s === 'open');
    await h.settle();
    h.emulator.controls.clearFaults();

    const completedA = await paidEvent(sa);
    const deliveriesA = h.emulator.controls.deliveries({ event_id: completedA.id });
    expect(deliveriesA.length).toBe(2);
    expect(deliveriesA.every((d) => d.status === 'succeeded')).toBe(true);
    // A replay of an applied event: recorded once, applied once.
    h.emulator.controls.resendEvent(completedA.id);
    await h.settle();
    expect(h.emulator.controls.deliveries({ event_id: completedA.id })).toHaveLength(3);

    for (const o of [a, b]) {
      expect((await orderOf(o.id)).status).toBe('open');
      expect(await outbox(o.id, 'order.paid')).toBe(1);
    }
    expect(await h.count(`SELECT 1 FROM stripe_events WHERE event_id = $1`, [completedA.id])).toBe(1);
    expect(await h.count(`SELECT 1 FROM refunds WHERE buyer_order_id = ANY($1)`, [[a.id, b.id]])).toBe(0);
  });

  it('answers 400 to a webhook that is not signed with our secret, and 200 to one it has no use for', async () => {
    const body = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_test_forged', object: 'checkout.session' } } });
    const post = (payload: string, signature?: string) =>
      h.t.call('POST', WEBHOOK_PATH, { body: payload, headers: signature ? { 'stripe-signature': signature } : {} });
    const unsigned = await post(body);
    expect([unsigned.status, unsigned.body.code]).toEqual([400, 'INVALID_SIGNATURE']);
    const wrongSecret = await post(body, h.stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_not_ours' }));
    expect(wrongSecret.status).toBe(400);
    const tampered = await post(body.replace('cs_test_forged', 'cs_test_other'), h.stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }));
    expect(tampered.status).toBe(400);
    expect(await h.count(`SELECT 1 FROM stripe_events WHERE event_id = 'evt_forged'`)).toBe(0);

    const signed = await post(body, h.stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }));
    expect(signed.status).toBe(200);
    // Re-read from Stripe: it knows no such session, so nothing happens.
    expect(signed.body).toMatchObject({ eventId: 'evt_forged', outcome: 'not_found' });
    const other = JSON.stringify({ id: 'evt_other', object: 'event', type: 'customer.created', data: { object: { id: 'cus_x', object: 'customer' } } });
    expect((await post(other, h.stripe.webhooks.generateTestHeaderString({ payload: other, secret: WEBHOOK_SECRET }))).body.outcome).toBe('ignored');
  });

  it('refunds in full a payment that arrives after the order expired', async () => {
    const placed = await order();
    const session = (await checkout(placed.id)).body.sessionId;
    // The reservation runs out before the buyer pays: the worker cancels the order.
    await h.t.db.query(`UPDATE buyer_orders SET payment_due_at = now() - interval '1 second' WHERE id = $1`, [placed.id]);
    await h.queue(QUEUES.reservations).add('expire', { kind: 'expire', buyerOrderId: placed.id });
    await until(() => orderOf(placed.id), (o) => o.status === 'cancelled');

    const paid = await h.pay(session);
    const refund = await until(
      async () => (await h.t.db.query(`SELECT idempotency_key, status, reason, amount_fen::int AS amount, stripe_refund_id FROM refunds WHERE buyer_order_id = $1`, [placed.id]))[0],
      (r) => r?.status === 'succeeded',
    );
    expect(refund).toMatchObject({ idempotency_key: `refund:${placed.id}:late-payment`, status: 'succeeded', reason: 'late_payment', amount: placed.totalFen });
    const charge = await h.stripe.charges.retrieve(paid.charge.id);
    expect([charge.amount_refunded, charge.refunded]).toEqual([placed.totalFen, true]);
    await h.settle();
    const after = await orderOf(placed.id);
    expect([after.status, after.paymentStatus, after.refundedFen]).toEqual(['cancelled', 'unpaid', 0]);
    expect(await outbox(placed.id, 'order.paid')).toBe(0);
    expect(await outbox(placed.id, 'order.refunded')).toBe(0);
  });

  it('lets only a purchaser or admin of the ordering organisation pay, and only an order awaiting payment', async () => {
    const placed = await order();
    const other = await buyerWithSite(h.f);
    expect((await checkout(placed.id, {}, other.token)).status).toBe(404);
    expect((await checkout(placed.id, {}, m.potatoCoop.token)).status).toBe(403);
    const op = await h.f.operator();
    expect((await checkout(placed.id, {}, op.token)).status).toBe(403);
    const approver = await h.f.signUp('approver');
    await h.t.post(`/api/organisations/${buyer.orgId}/members`, { email: approver.email, role: 'buyer_approver' }, buyer.token);
    expect((await checkout(placed.id, {}, await h.f.signIn(approver.email))).status).toBe(403);
    const bad = await checkout(placed.id, { method: 'cash' });
    expect([bad.status, bad.body.details?.[0]?.field]).toEqual([400, 'method']);
    expect((await checkout('not-a-uuid')).status).toBe(400);

    await h.t.post(`/api/orders/${placed.id}/cancellation`, {}, buyer.token);
    const cancelled = await checkout(placed.id);
    expect([cancelled.status, cancelled.body.currentStatus]).toEqual([409, 'cancelled']);

    await h.t.put(`/api/organisations/${other.orgId}/net-terms`, { days: 30 }, op.token);
    const onTerms = await order('invoice', other);
    const invoiceOrder = await checkout(onTerms.id, {}, other.token);
    expect([invoiceOrder.status, invoiceOrder.body.code]).toEqual([409, 'PAID_BY_INVOICE']);
  });

  it('finds a payment whose webhook never got through and settles it — or refunds it when the order was cancelled meanwhile', async () => {
    const op = await h.f.operator();
    const kept = await order();
    const dropped = await order();
    const keptSession = (await checkout(kept.id)).body.sessionId;
    const droppedSession = (await checkout(dropped.id)).body.sessionId;

    // Stripe takes both payments, but every delivery to us fails (as if our commit had failed each time).
    h.emulator.controls.injectFaults({ fail_next_attempts: 100 });
    await h.pay(keptSession);
    await h.pay(droppedSession);
    await h.settle();
    h.emulator.controls.clearFaults();
    expect(h.emulator.controls.deliveries({ status: 'failed' }).length).toBeGreaterThanOrEqual(8);
    expect((await orderOf(kept.id)).status).toBe('awaiting_payment');
    // Meanwhile the buyer gives up on the second order.
    expect((await h.t.post(`/api/orders/${dropped.id}/cancellation`, {}, buyer.token)).body.status).toBe('cancelled');

    expect((await h.t.post('/api/admin/payment-reconciliation', { days: 1 }, buyer.token)).status).toBe(403);
    const asked = await h.t.post('/api/admin/payment-reconciliation', { days: 1 }, op.token);
    expect([asked.status, asked.body.status]).toEqual([202, 'queued']);
    const report = await until(async () => (await h.t.get('/api/admin/payment-reconciliation', op.token)).body, (r) => r.status === 'completed' || r.status === 'failed');
    expect(report).toMatchObject({ id: asked.body.id, status: 'completed' });
    expect(report.settled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'orphaned_payment_settled', buyerOrderId: kept.id, reference: keptSession, amountFen: kept.totalFen }),
        expect.objectContaining({ kind: 'orphaned_payment_refunded', buyerOrderId: dropped.id, reference: droppedSession }),
      ]),
    );
    expect(report.checked.checkoutSessions).toBeGreaterThanOrEqual(2);
    expect((await orderOf(kept.id)).status).toBe('open');
    expect(await outbox(kept.id, 'order.paid')).toBe(1);
    const [refund] = await h.t.db.query(`SELECT idempotency_key, status FROM refunds WHERE buyer_order_id = $1`, [dropped.id]);
    expect(refund).toEqual({ idempotency_key: `refund:${dropped.id}:late-payment`, status: 'succeeded' });

    // The webhook finally gets through: nothing more happens.
    h.emulator.controls.resendEvent((await paidEvent(keptSession)).id);
    h.emulator.controls.resendEvent((await paidEvent(droppedSession)).id);
    await h.settle();
    expect(await outbox(kept.id, 'order.paid')).toBe(1);
    expect(await h.count(`SELECT 1 FROM refunds WHERE buyer_order_id = $1`, [dropped.id])).toBe(1);
    // A second run finds nothing more to settle for these orders.
    const second = await h.t.post('/api/admin/payment-reconciliation', { days: 1 }, op.token);
    const again = await until(async () => (await h.t.get(`/api/admin/payment-reconciliation/${second.body.id}`, op.token)).body, (r) => r.status === 'completed');
    expect(again.settled.filter((s: any) => [kept.id, dropped.id].includes(s.buyerOrderId))).toEqual([]);
    expect(again.mismatches.filter((s: any) => [kept.id, dropped.id].includes(s.buyerOrderId))).toEqual([]);
  });
});

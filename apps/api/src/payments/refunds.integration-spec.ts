import { businessDay } from '@shanhai/domain';
import { ClaimJob, QUEUES } from '@shanhai/persistence';
import { Actor } from '../../../../test/support/fixtures';
import { buyerWithSite, deliveryDay, market, Market, PaymentsHarness, until } from '../../../../test/support/payments-harness';

jest.setTimeout(120_000);

describe('payments: claims settled by refunds, exactly once and never more than was paid', () => {
  let h: PaymentsHarness;
  let m: Market;
  let buyer: Actor & { siteId: string };
  let potato: { skuId: string };
  let apple: { skuId: string };

  beforeAll(async () => {
    h = await PaymentsHarness.start('refunds');
    m = await market(h.f);
    buyer = await buyerWithSite(h.f);
    // Prices with odd fen, so that any rounding would show.
    potato = await h.f.product(m.potatoCoop, { priceFen: 3_337, priceTiers: [{ minQuantity: 10, unitPriceFen: 3_001 }], units: 10_000 });
    apple = await h.f.product(m.appleCoop, { priceFen: 9_899, priceTiers: [], units: 10_000, countyCode: '629802' });
  });
  afterAll(() => h.close());

  const orderOf = async (id: string) => (await h.t.get(`/api/orders/${id}`, buyer.token)).body;
  const paidOrder = async (lines = [{ skuId: potato.skuId, quantity: 12 }, { skuId: apple.skuId, quantity: 3 }]) => {
    const placed = await h.t.post('/api/orders', { deliverySiteId: buyer.siteId, deliveryDate: deliveryDay(), paymentMethod: 'card', lines }, buyer.token);
    const session = await h.t.post(`/api/orders/${placed.body.id}/payment`, {}, buyer.token);
    const paid = await h.pay(session.body.sessionId);
    await until(() => orderOf(placed.body.id), (o) => o.status === 'open');
    return { order: await orderOf(placed.body.id), intentId: paid.payment_intent.id as string, chargeId: paid.charge.id as string };
  };
  const claimsOf = async (orderId: string) =>
    h.t.db.query(`SELECT id, reason, order_line_id, amount_fen::int AS amount, status FROM claims WHERE buyer_order_id = $1 ORDER BY created_at, id`, [orderId]);
  const refundsOf = async (orderId: string) =>
    h.t.db.query(`SELECT claim_id, idempotency_key, amount_fen::int AS amount, status, stripe_refund_id FROM refunds WHERE buyer_order_id = $1 ORDER BY created_at`, [orderId]);
  const allSettled = async (orderId: string) => until(() => claimsOf(orderId), (cs) => cs.length > 0 && cs.every((c: any) => c.status !== 'open'));
  /** A claim as fulfilment would write it (shortfall, damage), for the cases its API cannot produce. */
  const claim = async (orderId: string, so: any, line: any | null, reason: string, amount: number): Promise<string> => {
    const [{ id }] = await h.t.db.query(
      `INSERT INTO claims (buyer_order_id, order_line_id, supplier_order_id, reason, quantity, amount_fen) VALUES ($1, $2, $3, $4, 0, $5) RETURNING id`,
      [orderId, line?.id ?? null, so.id, reason, amount],
    );
    await h.queue<ClaimJob>(QUEUES.claims).add('settle', { claimId: id });
    return id;
  };

  it('refunds a cancelled paid order claim by claim, keyed refund:<order>:<claim>, exact to the fen', async () => {
    const { order, chargeId } = await paidOrder();
    const cancelled = await h.t.post(`/api/orders/${order.id}/cancellation`, { reason: '计划变更' }, buyer.token);
    expect(cancelled.body.status).toBe('cancelled');

    const claims = await allSettled(order.id);
    // Two lines and two delivery fees.
    expect(claims.map((c: any) => [c.reason, c.status])).toEqual(expect.arrayContaining([['cancelled', 'refunded'], ['delivery_fee', 'refunded']]));
    expect(claims).toHaveLength(4);
    const refunds = await refundsOf(order.id);
    expect(refunds.map((r: any) => r.idempotency_key).sort()).toEqual(claims.map((c: any) => `refund:${order.id}:${c.id}`).sort());
    for (const c of claims) expect(refunds.find((r: any) => r.claim_id === c.id)).toMatchObject({ amount: c.amount, status: 'succeeded' });
    expect(refunds.reduce((a: number, r: any) => a + r.amount, 0)).toBe(order.totalFen);

    const after = await orderOf(order.id);
    expect([after.paymentStatus, after.refundedFen]).toEqual(['refunded', order.totalFen]);
    expect(after.supplierOrders.flatMap((so: any) => so.lines).every((l: any) => l.refundedFen === l.lineFen)).toBe(true);
    const charge = await h.stripe.charges.retrieve(chargeId);
    expect([charge.amount_refunded, charge.refunded]).toEqual([order.totalFen, true]);
    const events = await h.t.db.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'order.refunded'`, [order.id]);
    expect(events).toHaveLength(4);
    expect(events.reduce((a: number, e: any) => a + e.payload.amountFen, 0)).toBe(order.totalFen);
    expect(events.map((e: any) => e.payload.claimId).sort()).toEqual(claims.map((c: any) => c.id).sort());
  });

  it('refunds once when claim jobs are retried, duplicated and run concurrently', async () => {
    const queue = h.queue<ClaimJob>(QUEUES.claims);
    await queue.pause();
    const { order, intentId } = await paidOrder();
    await h.t.post(`/api/orders/${order.id}/cancellation`, {}, buyer.token);
    const claims = await claimsOf(order.id);
    // Each claim's job three more times under other job ids, plus two sweeps, all at once.
    await queue.addBulk(claims.flatMap((c: any) => [1, 2, 3].map((n) => ({ name: 'settle', data: { claimId: c.id }, opts: { jobId: `retry-${n}-${c.id}` } }))));
    await queue.add('sweep', { sweep: true });
    await queue.add('sweep', { sweep: true });
    await queue.resume();
    await allSettled(order.id);
    await until(async () => (await queue.getJobCounts('waiting', 'active', 'delayed')) as Record<string, number>, (c) => c.waiting + c.active + c.delayed === 0);

    expect(await refundsOf(order.id)).toHaveLength(claims.length);
    const atStripe = await h.stripe.refunds.list({ payment_intent: intentId, limit: 100 });
    expect(atStripe.data).toHaveLength(claims.length);
    expect(atStripe.data.reduce((a, r) => a + r.amount, 0)).toBe(order.totalFen);
    expect((await orderOf(order.id)).refundedFen).toBe(order.totalFen);
    expect(await h.count(`SELECT 1 FROM outbox_events WHERE aggregate_id = $1 AND type = 'order.refunded'`, [order.id])).toBe(claims.length);
  });

  it('refunds a shortfall recorded on receipt in part, and never more than is left of the line, the fee or the payment', async () => {
    const { order, chargeId } = await paidOrder();
    const potatoSo = order.supplierOrders.find((so: any) => so.supplierId === m.potatoCoop.orgId);
    const appleSo = order.supplierOrders.find((so: any) => so.supplierId === m.appleCoop.orgId);
    const potatoLine = potatoSo.lines[0];
    // The cooperative accepts and ships; the buyer receives 2 boxes short (fulfilment writes the claim).
    expect((await h.t.post(`/api/supplier-orders/${potatoSo.id}/decisions`, { lines: [{ lineId: potatoLine.id, decision: 'accept' }] }, m.potatoCoop.token)).status).toBe(200);
    expect((await h.t.post(`/api/supplier-orders/${potatoSo.id}/shipment`, { carrier: '顺丰速运', trackingNo: 'SF1', shippedOn: businessDay() }, m.potatoCoop.token)).status).toBe(200);
    const receipt = await h.t.post(`/api/supplier-orders/${potatoSo.id}/receipt`, { lines: [{ lineId: potatoLine.id, acceptedQuantity: 10, shortQuantity: 2, damagedQuantity: 0, note: '少两箱' }] }, buyer.token);
    expect(receipt.status).toBe(200);
    const short = await until(async () => (await claimsOf(order.id)).find((c: any) => c.reason === 'short'), (c) => c?.status === 'refunded');
    expect(short.amount).toBe(2 * potatoLine.unitPriceFen);
    const partial = await orderOf(order.id);
    expect([partial.paymentStatus, partial.refundedFen]).toEqual(['partially_refunded', 2 * potatoLine.unitPriceFen]);
    // The buyer reads the claim and the refund that settled it on the order itself.
    expect(partial.claims).toEqual([
      expect.objectContaining({ id: short.id, supplierOrderId: potatoSo.id, orderLineId: potatoLine.id, reason: 'short', quantity: 2, amountFen: 2 * potatoLine.unitPriceFen, status: 'refunded', note: '少两箱' }),
    ]);
    expect(partial.refunds).toEqual([expect.objectContaining({ claimId: short.id, amountFen: 2 * potatoLine.unitPriceFen, status: 'succeeded', reason: 'claim' })]);
    expect([partial.creditNotes, partial.invoice]).toEqual([[], null]);
    // The other cooperative sees neither the potato claim nor its refund.
    const asApple = (await h.t.get(`/api/orders/${order.id}`, m.appleCoop.token)).body;
    expect([asApple.claims, asApple.refunds]).toEqual([[], []]);
    expect((await refundsOf(order.id)).map((r: any) => r.idempotency_key)).toEqual([`refund:${order.id}:${short.id}`]);
    const [event] = await h.t.db.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'order.refunded'`, [order.id]);
    expect(event.payload).toMatchObject({ orderLineId: potatoLine.id, amountFen: 2 * potatoLine.unitPriceFen, claimId: short.id, reason: 'short' });

    // Claims asking for more than is left are capped; once nothing is left they are waived.
    const tooMuch = await claim(order.id, potatoSo, potatoLine, 'damaged', potatoLine.lineFen);
    const nothingLeft = await claim(order.id, potatoSo, potatoLine, 'damaged', 100);
    const fee = await claim(order.id, appleSo, null, 'delivery_fee', appleSo.deliveryFeeFen + 500);
    await allSettled(order.id);
    const byId = new Map((await refundsOf(order.id)).map((r: any) => [r.claim_id, r]));
    const lineLeft = potatoLine.lineFen - 2 * potatoLine.unitPriceFen;
    const first = byId.get(tooMuch) ? tooMuch : nothingLeft;
    expect(byId.get(first)).toMatchObject({ amount: lineLeft, status: 'succeeded' });
    expect(byId.size).toBe(3);
    expect(byId.get(fee)).toMatchObject({ amount: appleSo.deliveryFeeFen });
    const statuses = Object.fromEntries((await claimsOf(order.id)).map((c: any) => [c.id, c.status]));
    expect([statuses[tooMuch], statuses[nothingLeft]].sort()).toEqual(['refunded', 'waived']);

    // The rest of the order claimed as well: everything comes back, to the fen, and not a fen more.
    await claim(order.id, appleSo, appleSo.lines[0], 'damaged', appleSo.lines[0].lineFen);
    await claim(order.id, potatoSo, null, 'delivery_fee', potatoSo.deliveryFeeFen);
    await allSettled(order.id);
    const extra = await claim(order.id, appleSo, appleSo.lines[0], 'damaged', 1);
    await allSettled(order.id);
    expect((await claimsOf(order.id)).find((c: any) => c.id === extra).status).toBe('waived');
    const done = await orderOf(order.id);
    expect([done.paymentStatus, done.refundedFen]).toEqual(['refunded', order.totalFen]);
    const charge = await h.stripe.charges.retrieve(chargeId);
    expect([charge.amount_refunded, charge.refunded]).toEqual([order.totalFen, true]);
    expect((await refundsOf(order.id)).reduce((a: number, r: any) => a + r.amount, 0)).toBe(order.totalFen);
    const failed = await h.count(`SELECT 1 FROM refunds WHERE buyer_order_id = $1 AND status <> 'succeeded'`, [order.id]);
    expect(failed).toBe(0);
  });
});

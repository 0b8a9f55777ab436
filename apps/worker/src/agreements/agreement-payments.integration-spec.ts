import { addDays, businessDay, statementDay } from '@shanhai/domain';
import { InvoiceJob, QUEUES } from '@shanhai/persistence';
import { Actor } from '../../../../test/support/fixtures';
import { buyerWithSite, market, Market, PaymentsHarness, until } from '../../../../test/support/payments-harness';
import { AgreementGenerator } from './agreement-generator';

jest.setTimeout(120_000);

/**
 * A generated delivery is an ordinary order: paid by card through Stripe Checkout, or invoiced on
 * net terms (monthly: on the statement day), fulfilled and received through the fulfilment API, and
 * completed — with the outbox events the statistics count, as for any order.
 */
describe('agreement deliveries go through payment, fulfilment and completion like any order', () => {
  let h: PaymentsHarness;
  let m: Market;
  let op: Actor;

  beforeAll(async () => {
    h = await PaymentsHarness.start('agreements');
    m = await market(h.f);
    op = await h.f.operator();
  });
  afterAll(async () => {
    await h.queue(QUEUES.agreements).obliterate({ force: true }).catch(() => undefined);
    await h.close();
  });

  const outbox = async (orderId: string): Promise<string[]> =>
    (await h.t.db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [orderId])).map((r: { type: string }) => r.type);

  async function agreementWith(buyer: Actor & { siteId: string }, skuId: string, payment: Record<string, unknown>): Promise<any> {
    const today = businessDay();
    const proposed = await h.t.post(
      '/api/agreements',
      { skuId, quantity: 10, price: { kind: 'reference_band', basePriceFen: 4_000, bandPermille: 100 }, schedule: { kind: 'dates', dates: [addDays(today, 2)] }, deliverySiteId: buyer.siteId, startDate: addDays(today, 1), endDate: addDays(today, 30), orderDaysAhead: 3, ...payment },
      buyer.token,
    );
    expect(proposed.status).toBe(201);
    expect((await h.t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept' }, m.potatoCoop.token)).status).toBe(200);
    // The acceptance queued a generation job too; whichever runs first orders the delivery, once.
    await h.worker.get(AgreementGenerator).generate(proposed.body.id);
    const rows = await until(() => h.t.db.query(`SELECT buyer_order_id FROM agreement_deliveries WHERE agreement_id = $1`, [proposed.body.id]), (r: unknown[]) => r.length > 0);
    expect(rows).toHaveLength(1);
    const buyer_order_id = (rows as Array<{ buyer_order_id: string }>)[0].buyer_order_id;
    return { agreement: proposed.body, order: (await h.t.get(`/api/orders/${buyer_order_id}`, buyer.token)).body };
  }

  async function fulfil(order: any, buyer: Actor): Promise<void> {
    const so = order.supplierOrders[0];
    const line = so.lines[0];
    expect((await h.t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: line.id, decision: 'accept' }] }, m.potatoCoop.token)).status).toBe(200);
    expect((await h.t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: '顺丰速运', trackingNo: 'SF1', shippedOn: businessDay() }, m.potatoCoop.token)).status).toBe(200);
    expect((await h.t.post(`/api/supplier-orders/${so.id}/receipt`, { lines: [{ lineId: line.id, acceptedQuantity: 10, shortQuantity: 0, damagedQuantity: 0 }] }, buyer.token)).status).toBe(200);
    expect((await h.t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5, comment: '按时到货' }, buyer.token)).status).toBeLessThan(300);
  }

  it('pays a delivery by card through Stripe Checkout, fulfils it, completes it, and counts it on time', async () => {
    const school = await buyerWithSite(h.f, 'school');
    // List price ¥45.00 for 10 units is above the band (¥36.00-¥44.00): the delivery is priced at the ceiling.
    const p = await h.f.product(m.potatoCoop, { units: 100, priceFen: 4_500, priceTiers: [] });
    const { agreement, order } = await agreementWith(school, p.skuId, { paymentMethod: 'card' });
    expect(order).toMatchObject({ status: 'awaiting_payment', paymentMethod: 'card', deliveryDate: addDays(businessDay(), 2), produceFen: 44_000 });
    expect(order.supplierOrders[0].lines[0]).toMatchObject({ skuId: p.skuId, quantity: 10, unitPriceFen: 4_400 });

    const checkout = await h.t.post(`/api/orders/${order.id}/payment`, {}, school.token);
    expect(checkout.status).toBe(201);
    await h.pay(checkout.body.sessionId, 'card');
    await h.settle();
    const paid = await until(() => h.t.get(`/api/orders/${order.id}`, school.token), (r) => r.body.status === 'open');
    expect(paid.body.paymentStatus).toBe('paid');
    await fulfil(paid.body, school);
    const done = await until(() => h.t.get(`/api/orders/${order.id}`, school.token), (r) => r.body.status === 'completed');
    expect(done.body.status).toBe('completed');
    expect(await outbox(order.id)).toEqual(['order.paid', 'order.completed']);

    const view = (await h.t.get(`/api/agreements/${agreement.id}`, school.token)).body;
    expect(view.progress).toMatchObject({ contractedDeliveries: 1, orderedDeliveries: 1, deliveredDeliveries: 1, deliveredUnits: 10, deliveredFen: 44_000, onTimeDeliveries: 1, onTimeRatePermille: 1000 });
    const [day] = (await h.t.get(`/api/agreements/${agreement.id}/deliveries`, m.potatoCoop.token)).body;
    expect(day).toMatchObject({ status: 'ordered', buyerOrderId: order.id, orderStatus: 'completed', paymentStatus: 'paid', supplierOrderStatus: 'received', receivedQuantity: 10, onTime: true });
  });

  it('invoices a monthly agreement’s deliveries on the statement day, then the transfer completes the order', async () => {
    const canteen = await buyerWithSite(h.f, 'government');
    expect((await h.t.put(`/api/organisations/${canteen.orgId}/net-terms`, { days: 30 }, op.token)).status).toBe(200);
    const p = await h.f.product(m.potatoCoop, { units: 100, priceFen: 3_900, priceTiers: [] });
    const { order } = await agreementWith(canteen, p.skuId, { paymentMethod: 'invoice', invoicing: 'monthly' });
    expect(order).toMatchObject({ status: 'open', paymentMethod: 'invoice', produceFen: 39_000 });
    const [draft] = await h.t.db.query(`SELECT id, status, issue_on::text AS issue_on FROM invoices WHERE buyer_order_id = $1`, [order.id]);
    expect(draft).toMatchObject({ status: 'draft', issue_on: statementDay(addDays(businessDay(), 2)) });
    // Before its statement day the invoices job and sweep leave it a draft.
    const invoices = h.queue<InvoiceJob>(QUEUES.invoices);
    await invoices.add('issue', { invoiceId: draft.id });
    await invoices.add('sweep', { sweep: true });
    await new Promise((r) => setTimeout(r, 800));
    expect((await h.t.db.query(`SELECT status FROM invoices WHERE id = $1`, [draft.id]))[0].status).toBe('draft');
    // The cooperative delivers meanwhile.
    await fulfil(order, canteen);
    // The statement day comes (moved to today here): the invoices job issues it through Stripe Invoicing.
    await h.t.db.query(`UPDATE invoices SET issue_on = $2 WHERE id = $1`, [draft.id, businessDay()]);
    await invoices.add('issue', { invoiceId: draft.id });
    const issued = await until(async () => (await h.t.get(`/api/invoices/${draft.id}`, op.token)).body, (i) => i.status === 'open');
    expect(issued).toMatchObject({ status: 'open', amountFen: order.totalFen });
    const paid = await h.t.post(`/api/invoices/${draft.id}/payment`, { reference: 'ICBC-AGR-1', transferDate: businessDay() }, op.token);
    expect(paid.status).toBe(200);
    const done = await until(() => h.t.get(`/api/orders/${order.id}`, canteen.token), (r) => r.body.status === 'completed');
    expect(done.body.status).toBe('completed');
    expect(await outbox(order.id)).toEqual(['invoice.issued', 'invoice.paid', 'order.completed']);
  });
});

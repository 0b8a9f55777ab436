import { addDays, businessDay } from '@shanhai/domain';
import { InvoiceJob, QUEUES } from '@shanhai/persistence';
import { Actor } from '../../../../test/support/fixtures';
import { buyerWithSite, deliveryDay, market, Market, PaymentsHarness, until } from '../../../../test/support/payments-harness';

jest.setTimeout(120_000);

describe('payments: invoices on net terms, transfers recorded out of band, credit notes, settlement ledger', () => {
  let h: PaymentsHarness;
  let m: Market;
  let op: Actor;
  let canteen: Actor & { siteId: string };
  let potato: { skuId: string };
  let apple: { skuId: string };

  beforeAll(async () => {
    h = await PaymentsHarness.start('invoices');
    m = await market(h.f);
    op = await h.f.operator();
    canteen = await buyerWithSite(h.f, 'government');
    expect((await h.t.put(`/api/organisations/${canteen.orgId}/net-terms`, { days: 30 }, op.token)).status).toBe(200);
    potato = await h.f.product(m.potatoCoop, { priceFen: 4_123, priceTiers: [], units: 10_000 });
    apple = await h.f.product(m.appleCoop, { priceFen: 9_811, priceTiers: [], units: 10_000, countyCode: '629802' });
  });
  afterAll(() => h.close());

  const invoiceOrder = async (lines = [{ skuId: potato.skuId, quantity: 5 }, { skuId: apple.skuId, quantity: 2 }], who = canteen) => {
    const res = await h.t.post('/api/orders', { deliverySiteId: who.siteId, deliveryDate: deliveryDay(), paymentMethod: 'invoice', lines }, who.token);
    expect([res.status, res.body.status]).toEqual([201, 'open']);
    return res.body;
  };
  const invoiceOf = async (orderId: string): Promise<any> => {
    const [{ id }] = await h.t.db.query(`SELECT id FROM invoices WHERE buyer_order_id = $1`, [orderId]);
    return (await h.t.get(`/api/invoices/${id}`, op.token)).body;
  };
  /** The worker issues the draft invoice the order's placement enqueued. */
  const issued = async (orderId: string): Promise<any> => until(() => invoiceOf(orderId), (i) => i.status === 'open');
  const outbox = async (orderId: string, type: string) => h.count(`SELECT 1 FROM outbox_events WHERE aggregate_id = $1 AND type = $2`, [orderId, type]);
  const transfer = (invoiceId: string, body: object, token = op.token) => h.t.post(`/api/invoices/${invoiceId}/payment`, body, token);

  it('issues the invoice through Stripe Invoicing, then the operator records the bank transfer and it is paid out of band', async () => {
    const order = await invoiceOrder();
    const invoice = await issued(order.id);
    expect(invoice).toMatchObject({ status: 'open', amountFen: order.totalFen, amountDueFen: order.totalFen, creditedFen: 0, overdue: false, dueDate: addDays(businessDay(), 30) });
    expect(invoice.number).toMatch(/^SH[0-9A-F]{8}-0001$/);
    expect(await outbox(order.id, 'invoice.issued')).toBe(1);

    const [{ stripe_invoice_id, customer }] = await h.t.db.query(
      `SELECT i.stripe_invoice_id, org.stripe_customer_id AS customer FROM invoices i JOIN buyer_orders o ON o.id = i.buyer_order_id JOIN organisations org ON org.id = o.organisation_id WHERE i.id = $1`,
      [invoice.id],
    );
    const theirs = await h.stripe.invoices.retrieve(stripe_invoice_id);
    expect(theirs).toMatchObject({ status: 'open', customer, collection_method: 'send_invoice', total: order.totalFen, currency: 'cny', number: invoice.number });
    // The Stripe customer is the platform's business: never in the organisation as members or the operator read it.
    expect(customer).toMatch(/^cus_/);
    for (const token of [canteen.token, op.token]) {
      const org = await h.t.get(`/api/organisations/${canteen.orgId}`, token);
      expect([org.status, 'stripeCustomerId' in org.body, JSON.stringify(org.body).includes(customer)]).toEqual([200, false, false]);
    }
    expect(theirs.metadata).toMatchObject({ invoice_id: invoice.id, buyer_order_id: order.id });
    const lines = await h.stripe.invoices.listLineItems(stripe_invoice_id, { limit: 100 });
    const fees = order.supplierOrders.filter((so: any) => so.deliveryFeeFen > 0).length;
    expect(lines.data).toHaveLength(2 + fees);
    expect(lines.data.filter((l) => l.description?.startsWith('运费'))).toHaveLength(fees);
    // A duplicated issue job issues nothing new.
    await h.queue<InvoiceJob>(QUEUES.invoices).add('issue', { invoiceId: invoice.id }, { jobId: `again-${invoice.id}` });
    await h.queue<InvoiceJob>(QUEUES.invoices).add('sweep', { sweep: true });
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.stripe.invoices.list({ customer, limit: 100 })).data).toHaveLength(1);
    expect(await outbox(order.id, 'invoice.issued')).toBe(1);

    // Only the operator records transfers; bad input is a 400 naming the field.
    expect((await transfer(invoice.id, { reference: 'ICBC-1', transferDate: businessDay() }, canteen.token)).status).toBe(403);
    const wrongAmount = await transfer(invoice.id, { reference: 'ICBC-1', transferDate: businessDay(), amountFen: order.totalFen - 1 });
    expect([wrongAmount.status, wrongAmount.body.details?.[0]?.field]).toEqual([400, 'amountFen']);
    const future = await transfer(invoice.id, { reference: 'ICBC-1', transferDate: addDays(businessDay(), 2) });
    expect([future.status, future.body.details?.[0]?.field]).toEqual([400, 'transferDate']);
    expect((await transfer(invoice.id, { reference: '  ', transferDate: businessDay() })).status).toBe(400);

    const paid = await transfer(invoice.id, { reference: 'ICBC-20261203-000123', transferDate: businessDay(), amountFen: order.totalFen });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', transferReference: 'ICBC-20261203-000123', transferDate: businessDay(), amountDueFen: 0 });
    const paidThere = await h.stripe.invoices.retrieve(stripe_invoice_id);
    expect([paidThere.status, paidThere.amount_paid]).toEqual(['paid', order.totalFen]);
    expect((await h.t.get(`/api/orders/${order.id}`, canteen.token)).body.paymentStatus).toBe('paid');
    // Stripe's invoice.paid webhook follows; it finds the work done.
    await h.settle();
    expect(await outbox(order.id, 'invoice.paid')).toBe(1);
    const [event] = await h.t.db.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'invoice.paid'`, [order.id]);
    expect(event.payload).toMatchObject({ invoiceId: invoice.id, amountFen: order.totalFen, paidFen: order.totalFen, transferReference: 'ICBC-20261203-000123' });
    const twice = await transfer(invoice.id, { reference: 'ICBC-20261203-000123', transferDate: businessDay() });
    expect([twice.status, twice.body.code, twice.body.currentStatus]).toEqual([409, 'INVOICE_ALREADY_PAID', 'paid']);
    const voidPaid = await h.t.post(`/api/invoices/${invoice.id}/void`, {}, op.token);
    expect([voidPaid.status, voidPaid.body.currentStatus]).toEqual([409, 'paid']);
  });

  it('voids an unpaid invoice (operator only), in Stripe too, once', async () => {
    const order = await invoiceOrder();
    const invoice = await issued(order.id);
    expect((await h.t.post(`/api/invoices/${invoice.id}/void`, { reason: '开错了' }, canteen.token)).status).toBe(403);
    const voided = await h.t.post(`/api/invoices/${invoice.id}/void`, { reason: '开错了' }, op.token);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', voidReason: '开错了', amountDueFen: 0 });
    const [{ stripe_invoice_id }] = await h.t.db.query(`SELECT stripe_invoice_id FROM invoices WHERE id = $1`, [invoice.id]);
    expect((await h.stripe.invoices.retrieve(stripe_invoice_id)).status).toBe('void');
    const again = await h.t.post(`/api/invoices/${invoice.id}/void`, {}, op.token);
    expect([again.status, again.body.currentStatus]).toEqual([409, 'void']);
    expect((await transfer(invoice.id, { reference: 'X', transferDate: businessDay() })).body.currentStatus).toBe('void');
    await h.settle();
    expect(await outbox(order.id, 'invoice.voided')).toBe(1);
  });

  it('follows Stripe when an invoice is paid there directly: by the webhook, or by reconciliation when the webhook is lost', async () => {
    const viaWebhook = await invoiceOrder();
    const lost = await invoiceOrder();
    const stripeIdOf = async (orderId: string): Promise<string> => (await h.t.db.query(`SELECT stripe_invoice_id FROM invoices WHERE buyer_order_id = $1`, [orderId]))[0].stripe_invoice_id;
    await issued(viaWebhook.id);
    await issued(lost.id);

    await h.stripe.invoices.pay(await stripeIdOf(viaWebhook.id), { paid_out_of_band: true });
    await until(() => invoiceOf(viaWebhook.id), (i) => i.status === 'paid');
    expect((await h.t.get(`/api/orders/${viaWebhook.id}`, canteen.token)).body.paymentStatus).toBe('paid');

    h.emulator.controls.injectFaults({ fail_next_attempts: 100 });
    await h.stripe.invoices.pay(await stripeIdOf(lost.id), { paid_out_of_band: true });
    await h.settle();
    h.emulator.controls.clearFaults();
    expect((await invoiceOf(lost.id)).status).toBe('open');
    const asked = await h.t.post('/api/admin/payment-reconciliation', {}, op.token);
    const report = await until(async () => (await h.t.get(`/api/admin/payment-reconciliation/${asked.body.id}`, op.token)).body, (r) => r.status === 'completed');
    expect(report.settled).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'invoice_paid_settled', buyerOrderId: lost.id })]));
    expect((await invoiceOf(lost.id)).status).toBe('paid');
    await h.settle();
    for (const o of [viaWebhook, lost]) expect(await outbox(o.id, 'invoice.paid')).toBe(1);
  });

  it('lists overdue invoices: all of them to the operator, its own to a buyer', async () => {
    const order = await invoiceOrder();
    const invoice = await issued(order.id);
    const other = await buyerWithSite(h.f, 'hospital');
    await h.t.put(`/api/organisations/${other.orgId}/net-terms`, { days: 15 }, op.token);
    const theirs = await issued((await invoiceOrder([{ skuId: potato.skuId, quantity: 1 }], other)).id);
    // Time passes (Stripe's clock cannot be moved, ours can).
    await h.t.db.query(`UPDATE invoices SET due_date = $2 WHERE id = ANY($1)`, [[invoice.id, theirs.id], addDays(businessDay(), -3)]);

    const all = await h.t.get('/api/invoices?overdue=true', op.token);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: any) => i.id).sort()).toEqual([invoice.id, theirs.id].sort());
    expect(all.body.items.every((i: any) => i.overdue && i.daysOverdue === 3 && i.status === 'open')).toBe(true);
    const mine = await h.t.get('/api/invoices?overdue=true', canteen.token);
    expect(mine.body.items.map((i: any) => i.id)).toEqual([invoice.id]);
    expect((await h.t.get(`/api/invoices?organisationId=${other.orgId}`, canteen.token)).status).toBe(403);
    expect((await h.t.get(`/api/invoices/${theirs.id}`, canteen.token)).status).toBe(404);
    const paidOnes = await h.t.get('/api/invoices?status=paid', canteen.token);
    expect(paidOnes.body.items.every((i: any) => i.status === 'paid' && i.organisationId === canteen.orgId)).toBe(true);
    expect((await h.t.get('/api/invoices', m.potatoCoop.token)).status).toBe(403);
    const bad = await h.t.get('/api/invoices?overdue=maybe', op.token);
    expect([bad.status, bad.body.details?.[0]?.field]).toEqual([400, 'overdue']);
  });

  it('voids the unpaid invoice of a cancelled order instead of crediting it, and waives its claims', async () => {
    const order = await invoiceOrder();
    const invoice = await issued(order.id);
    const cancelled = await h.t.post(`/api/orders/${order.id}/cancellation`, { reason: '食堂停伙' }, canteen.token);
    expect(cancelled.body.status).toBe('cancelled');
    const claims = await until(
      () => h.t.db.query(`SELECT status FROM claims WHERE buyer_order_id = $1`, [order.id]),
      (cs: any[]) => cs.length > 0 && cs.every((c) => c.status !== 'open'),
    );
    expect(claims.every((c: any) => c.status === 'waived')).toBe(true);
    expect((await invoiceOf(order.id)).status).toBe('void');
    await h.settle();
    expect(await outbox(order.id, 'invoice.voided')).toBe(1);
    expect(await outbox(order.id, 'line.credited')).toBe(0);
    const [{ stripe_invoice_id }] = await h.t.db.query(`SELECT stripe_invoice_id FROM invoices WHERE id = $1`, [invoice.id]);
    expect((await h.stripe.invoices.retrieve(stripe_invoice_id)).status).toBe('void');
  });

  it('credits a shortfall on the invoice, completes the order when the transfer arrives, and books the cooperative’s earnings for payout', async () => {
    const order = await invoiceOrder([{ skuId: potato.skuId, quantity: 10 }]);
    await issued(order.id);
    const so = order.supplierOrders[0];
    const line = so.lines[0];
    // Fulfilment through its API: accept, ship, receive one box short, evaluate.
    expect((await h.t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: line.id, decision: 'accept' }] }, m.potatoCoop.token)).status).toBe(200);
    expect((await h.t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: '顺丰速运', trackingNo: 'SF9', shippedOn: businessDay() }, m.potatoCoop.token)).status).toBe(200);
    const receipt = await h.t.post(`/api/supplier-orders/${so.id}/receipt`, { lines: [{ lineId: line.id, acceptedQuantity: 9, shortQuantity: 1, damagedQuantity: 0 }] }, canteen.token);
    expect(receipt.status).toBe(200);
    expect((await h.t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5, comment: '土豆很好' }, canteen.token)).status).toBeLessThan(300);

    const credited = await until(() => invoiceOf(order.id), (i) => i.creditedFen > 0);
    expect(credited).toMatchObject({ creditedFen: line.unitPriceFen, amountDueFen: order.totalFen - line.unitPriceFen });
    expect(credited.creditNotes).toEqual([expect.objectContaining({ amountFen: line.unitPriceFen })]);
    expect(await outbox(order.id, 'line.credited')).toBe(1);
    const [claim] = await h.t.db.query(`SELECT status FROM claims WHERE buyer_order_id = $1`, [order.id]);
    expect(claim.status).toBe('credited');
    const view = (await h.t.get(`/api/orders/${order.id}`, canteen.token)).body;
    expect(view.creditedFen).toBe(line.unitPriceFen);
    // The order shows its invoice, the claim and the credit note that settled it.
    expect(view.invoice).toEqual({ id: credited.id, status: 'open', number: credited.number, amountFen: order.totalFen, creditedFen: line.unitPriceFen, amountDueFen: order.totalFen - line.unitPriceFen, dueDate: credited.dueDate });
    expect(view.claims).toEqual([expect.objectContaining({ reason: 'short', quantity: 1, amountFen: line.unitPriceFen, status: 'credited' })]);
    expect(view.creditNotes).toEqual([expect.objectContaining({ invoiceId: credited.id, claimId: view.claims[0].id, amountFen: line.unitPriceFen })]);
    expect(view.refunds).toEqual([]);
    expect((await h.t.get(`/api/orders/${order.id}`, m.potatoCoop.token)).body.invoice).toBeNull();

    // Not complete until paid; the transfer of what is due completes it.
    expect((await h.t.get(`/api/orders/${order.id}`, canteen.token)).body.status).toBe('open');
    const paid = await transfer(credited.id, { reference: 'BOC-777', transferDate: businessDay(), amountFen: credited.amountDueFen });
    expect(paid.body.status).toBe('paid');
    expect((await h.t.get(`/api/orders/${order.id}`, canteen.token)).body.status).toBe('completed');
    expect(await outbox(order.id, 'order.completed')).toBe(1);

    const earned = 9 * line.unitPriceFen;
    const ledger = await h.t.get(`/api/suppliers/${m.potatoCoop.orgId}/settlement`, m.potatoCoop.token);
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({ earnedFen: earned, paidOutFen: 0, owedFen: earned, currency: 'CNY' });
    expect(ledger.body.entries).toEqual([expect.objectContaining({ kind: 'earned', amountFen: earned, supplierOrderId: so.id })]);

    // Payouts: operator only, idempotent by reference, never more than owed.
    const payout = { amountFen: 10_000, reference: 'PAYOUT-2026-001', note: '12月第一批' };
    expect((await h.t.post(`/api/suppliers/${m.potatoCoop.orgId}/payouts`, payout, m.potatoCoop.token)).status).toBe(403);
    const first = await h.t.post(`/api/suppliers/${m.potatoCoop.orgId}/payouts`, payout, op.token);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ provider: 'manual', replayed: false, owedFen: earned - 10_000, entry: { kind: 'payout', amountFen: -10_000 } });
    const replay = await h.t.post(`/api/suppliers/${m.potatoCoop.orgId}/payouts`, payout, op.token);
    expect([replay.status, replay.body.replayed, replay.body.entry.id]).toEqual([200, true, first.body.entry.id]);
    const reused = await h.t.post(`/api/suppliers/${m.potatoCoop.orgId}/payouts`, { ...payout, amountFen: 5 }, op.token);
    expect([reused.status, reused.body.code]).toEqual([409, 'PAYOUT_REFERENCE_REUSED']);
    const over = await h.t.post(`/api/suppliers/${m.potatoCoop.orgId}/payouts`, { amountFen: earned, reference: 'PAYOUT-2026-002' }, op.token);
    expect([over.status, over.body.code, over.body.owedFen]).toEqual([409, 'PAYOUT_EXCEEDS_OWED', earned - 10_000]);
    const racing = await Promise.all([1, 2, 3].map((n) => h.t.post(`/api/suppliers/${m.potatoCoop.orgId}/payouts`, { amountFen: earned - 10_000, reference: `PAYOUT-RACE-${n}` }, op.token)));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);

    const after = await h.t.get(`/api/suppliers/${m.potatoCoop.orgId}/settlement`, op.token);
    expect(after.body).toMatchObject({ earnedFen: earned, paidOutFen: earned, owedFen: 0 });
    expect(after.body.entries.map((e: any) => e.kind).sort()).toEqual(['earned', 'payout', 'payout']);
    // A cooperative sees only its own ledger; a buyer none.
    expect((await h.t.get(`/api/suppliers/${m.potatoCoop.orgId}/settlement`, m.appleCoop.token)).status).toBe(403);
    expect((await h.t.get(`/api/suppliers/${m.potatoCoop.orgId}/settlement`, canteen.token)).status).toBe(403);
    expect((await h.t.get(`/api/suppliers/${canteen.orgId}/settlement`, op.token)).status).toBe(404);
    expect((await h.t.get(`/api/suppliers/${m.appleCoop.orgId}/settlement`, m.appleCoop.token)).body).toMatchObject({ owedFen: 0, entries: [] });
  });
});

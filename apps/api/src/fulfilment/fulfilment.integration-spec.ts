import { addDays, businessDay } from '@shanhai/domain';
import { OrderCompletionRepository } from '@shanhai/persistence';
import { Actor, BAISHI, Fixtures, QINGYA, UNPAIRED_COUNTY } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

const deliveryDay = (): string => addDays(businessDay(), 3);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e90000000049454e44ae426082',
  'hex',
);

describe('fulfilment: decisions, pick list, shipment, receipt, claims, evaluation, completion', () => {
  let t: TestApp;
  let f: Fixtures;
  let official: Actor;
  let potatoCoop: Actor;
  let appleCoop: Actor;
  let buyer: Actor;
  let siteId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    await f.pairing();
    // The prefecture's jurisdiction asks for evaluations (the default for jurisdictions).
    official = await f.official('629800');
    potatoCoop = await f.supplier(QINGYA, { verifiedBy: official });
    appleCoop = await f.supplier(BAISHI, { verifiedBy: official });
    buyer = await f.buyer('school');
    siteId = await f.deliverySite(buyer);
    const op = await f.operator();
    expect((await t.put(`/api/organisations/${buyer.orgId}/net-terms`, { days: 30 }, op.token)).status).toBe(200);
  });
  afterAll(() => t.close());

  /** An invoice order on approved net terms: `open` at once, its supplier orders `placed`. */
  const placeInvoiceOrder = async (lines: Array<{ skuId: string; quantity: number }>, who: Actor = buyer, site: string = siteId): Promise<any> => {
    const res = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: deliveryDay(), paymentMethod: 'invoice', lines }, who.token);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('open');
    return res.body;
  };
  /**
   * Stand-in for "the invoice was paid": the payments module (operator records the bank transfer)
   * has not landed yet, so the test sets what it would set. Nothing else is written behind the API.
   */
  const markInvoicePaid = async (orderId: string): Promise<void> => {
    await t.db.query(`UPDATE buyer_orders SET payment_status = 'paid', paid_at = now() WHERE id = $1`, [orderId]);
  };
  const soOf = (order: any, supplier: Actor): any => order.supplierOrders.find((so: any) => so.supplierId === supplier.orgId);
  const lineOf = (so: any, skuId: string): any => so.lines.find((l: any) => l.skuId === skuId);
  const acceptAll = async (coop: Actor, so: any): Promise<any> => {
    const res = await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: so.lines.map((l: any) => ({ lineId: l.id, decision: 'accept' })) }, coop.token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const ship = async (coop: Actor, soId: string): Promise<any> => {
    const res = await t.post(`/api/supplier-orders/${soId}/shipment`, { carrier: '顺丰速运', trackingNo: `SF${Date.now()}`, shippedOn: businessDay() }, coop.token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const receiveAll = async (placed: any, who: Actor = buyer): Promise<any> => {
    const so = (await t.get(`/api/supplier-orders/${placed.id}`, who.token)).body;
    const lines = so.lines.filter((l: any) => l.status === 'accepted').map((l: any) => ({ lineId: l.id, acceptedQuantity: l.quantity, shortQuantity: 0, damagedQuantity: 0 }));
    const res = await t.post(`/api/supplier-orders/${so.id}/receipt`, { lines }, who.token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const orderStatus = async (orderId: string): Promise<string> => (await t.db.query(`SELECT status FROM buyer_orders WHERE id = $1`, [orderId]))[0].status;
  const stockOf = async (skuId: string): Promise<{ sku: number; lots: number }> =>
    (
      await t.db.query(
        `SELECT s.stock_units AS sku, (SELECT COALESCE(sum(available_units), 0)::int FROM lots WHERE sku_id = s.id) AS lots FROM skus s WHERE s.id = $1`,
        [skuId],
      )
    )[0];
  const claimsOf = async (supplierOrderId: string): Promise<Array<{ reason: string; quantity: number; amount: number; line: string | null; note: string | null }>> =>
    t.db.query(
      `SELECT reason, quantity, amount_fen::int AS amount, order_line_id AS line, note FROM claims WHERE supplier_order_id = $1 ORDER BY reason, amount_fen`,
      [supplierOrderId],
    );

  it('runs an order from acceptance to completion: rejection back to stock, pick list, shipment, shortfall and damage claims, evaluation, earnings', async () => {
    const potato = await f.product(potatoCoop, { priceFen: 4_000, priceTiers: [], units: 100 });
    const carrot = await f.product(potatoCoop, { nameZh: '胡萝卜', nameEn: 'Carrots', priceFen: 2_500, priceTiers: [], units: 50 });
    const apple = await f.product(appleCoop, { nameZh: '苹果', nameEn: 'Apples', priceFen: 9_800, priceTiers: [], units: 30, countyCode: BAISHI, categoryCode: 'fruit' });
    const order = await placeInvoiceOrder([
      { skuId: potato.skuId, quantity: 10 },
      { skuId: carrot.skuId, quantity: 4 },
      { skuId: apple.skuId, quantity: 3 },
    ]);
    await markInvoicePaid(order.id);
    const potatoSo = soOf(order, potatoCoop);
    const appleSo = soOf(order, appleCoop);
    expect(potatoSo.status).toBe('placed');
    expect(await stockOf(carrot.skuId)).toEqual({ sku: 46, lots: 46 });

    // The cooperative finds the order in its list and opens it.
    const list = await t.get(`/api/supplier-orders?status=placed&deliveryDate=${deliveryDay()}`, potatoCoop.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: any) => o.id)).toContain(potatoSo.id);
    const detail = await t.get(`/api/supplier-orders/${potatoSo.id}`, potatoCoop.token);
    expect(detail.status).toBe(200);
    expect(detail.body.buyerOrganisationName).toBe(order.organisationName);
    expect(detail.body.deliverySite.id).toBe(siteId);
    expect(detail.body.deliveryDate).toBe(deliveryDay());
    expect(lineOf(detail.body, potato.skuId).lots).toEqual([{ lotId: potato.lotId, lotCode: 'L1', harvestDate: '2026-09-01', quantity: 10 }]);

    // Potatoes accepted, carrots rejected: carrots return to their lot and are owed back in full.
    const decided = await t.post(
      `/api/supplier-orders/${potatoSo.id}/decisions`,
      {
        lines: [
          { lineId: lineOf(potatoSo, potato.skuId).id, decision: 'accept' },
          { lineId: lineOf(potatoSo, carrot.skuId).id, decision: 'reject', note: '胡萝卜受冻，无法发货' },
        ],
      },
      potatoCoop.token,
    );
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('accepted');
    expect(lineOf(decided.body, carrot.skuId).status).toBe('rejected');
    expect(await stockOf(carrot.skuId)).toEqual({ sku: 50, lots: 50 });
    expect(await stockOf(potato.skuId)).toEqual({ sku: 90, lots: 90 });
    expect(await claimsOf(potatoSo.id)).toEqual([{ reason: 'rejected', quantity: 4, amount: 10_000, line: lineOf(potatoSo, carrot.skuId).id, note: '胡萝卜受冻，无法发货' }]);
    expect(decided.body.claims).toEqual([expect.objectContaining({ reason: 'rejected', amountFen: 10_000, status: 'open' })]);
    await acceptAll(appleCoop, appleSo);

    // The pick list: accepted potatoes from lot L1 for the buyer's site; nothing of the rejected carrots.
    const pick = await t.get(`/api/suppliers/${potatoCoop.orgId}/pick-list?deliveryDate=${deliveryDay()}`, potatoCoop.token);
    expect(pick.status).toBe(200);
    expect(pick.body.skus).toEqual([
      {
        skuId: potato.skuId,
        skuCode: potato.skuCode,
        productNameZh: '高山土豆',
        packingUnitZh: '10公斤箱',
        quantity: 10,
        lots: [{ lotId: potato.lotId, lotCode: 'L1', harvestDate: '2026-09-01', quantity: 10 }],
        sites: [{ siteId, siteName: '食堂', deliveryDate: deliveryDay(), quantity: 10 }],
      },
    ]);
    expect(pick.body.sites).toEqual([
      expect.objectContaining({ siteId, deliveryDate: deliveryDay(), supplierOrders: [{ id: potatoSo.id, buyerOrderNumber: order.number }], lines: [expect.objectContaining({ skuCode: potato.skuCode, quantity: 10 })] }),
    ]);

    // Shipment dates: not in the future, not before the order was placed.
    const future = await t.post(`/api/supplier-orders/${potatoSo.id}/shipment`, { carrier: '顺丰速运', trackingNo: 'SF1', shippedOn: addDays(businessDay(), 1) }, potatoCoop.token);
    expect([future.status, future.body.details?.[0]?.field]).toEqual([400, 'shippedOn']);
    const early = await t.post(`/api/supplier-orders/${potatoSo.id}/shipment`, { carrier: '顺丰速运', trackingNo: 'SF1', shippedOn: addDays(businessDay(), -1) }, potatoCoop.token);
    expect([early.status, early.body.details?.[0]?.field]).toEqual([400, 'shippedOn']);
    const shipped = await ship(potatoCoop, potatoSo.id);
    expect(shipped).toMatchObject({ status: 'shipped', carrier: '顺丰速运', shippedOn: businessDay() });
    expect((await t.get(`/api/suppliers/${potatoCoop.orgId}/pick-list?deliveryDate=${deliveryDay()}`, potatoCoop.token)).body.skus).toEqual([]);
    await ship(appleCoop, appleSo.id);

    // The buyer receives 7 potatoes, 2 short and 1 damaged, with a photo of the damage.
    const potatoLine = lineOf(potatoSo, potato.skuId);
    const photo = await t.call('POST', `/api/order-lines/${potatoLine.id}/receipt-photo`, { raw: PNG, contentType: 'image/png', token: buyer.token });
    expect(photo.status).toBe(201);
    const received = await t.post(
      `/api/supplier-orders/${potatoSo.id}/receipt`,
      { lines: [{ lineId: potatoLine.id, acceptedQuantity: 7, shortQuantity: 2, damagedQuantity: 1, note: '少两箱，一箱压坏' }] },
      buyer.token,
    );
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');
    expect(lineOf(received.body, potato.skuId)).toMatchObject({ receivedQuantity: 7, shortQuantity: 2, damagedQuantity: 1, receiptNote: '少两箱，一箱压坏', receiptPhotoUrl: `/api/order-lines/${potatoLine.id}/receipt-photo` });
    expect(await claimsOf(potatoSo.id)).toEqual([
      { reason: 'damaged', quantity: 1, amount: 4_000, line: potatoLine.id, note: '少两箱，一箱压坏' },
      { reason: 'rejected', quantity: 4, amount: 10_000, line: lineOf(potatoSo, carrot.skuId).id, note: '胡萝卜受冻，无法发货' },
      { reason: 'short', quantity: 2, amount: 8_000, line: potatoLine.id, note: '少两箱，一箱压坏' },
    ]);
    for (const who of [buyer, potatoCoop]) {
      const back = await t.get(`/api/order-lines/${potatoLine.id}/receipt-photo`, who.token);
      expect([back.status, back.headers.get('content-type')]).toEqual([200, 'image/png']);
    }
    expect((await t.get(`/api/order-lines/${potatoLine.id}/receipt-photo`, appleCoop.token)).status).toBe(404);

    // Received everywhere but not evaluated: the jurisdiction asks for evaluations, so not complete yet.
    await receiveAll(appleSo);
    expect(await orderStatus(order.id)).toBe('open');
    const firstEval = await t.post(`/api/supplier-orders/${potatoSo.id}/evaluation`, { rating: 4, comment: '土豆很好，胡萝卜可惜' }, buyer.token);
    expect(firstEval.status).toBe(200);
    expect(firstEval.body).toMatchObject({ evaluationRating: 4, buyerOrderStatus: 'open', completedAt: null });
    const lastEval = await t.post(`/api/supplier-orders/${appleSo.id}/evaluation`, { rating: 5 }, buyer.token);
    expect(lastEval.status).toBe(200);
    expect(lastEval.body.buyerOrderStatus).toBe('completed');
    expect(lastEval.body.completedAt).not.toBeNull();

    const view = await t.get(`/api/orders/${order.id}`, buyer.token);
    expect(view.body.status).toBe('completed');
    expect(view.body.completedAt).toBe(lastEval.body.completedAt);
    const events = await t.db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 AND type = 'order.completed'`, [order.id]);
    expect(events).toHaveLength(1);
    // Earnings: accepted goods less the claims on them; the rejected carrots were never the cooperative's.
    // Completion books `earned` net of the claims settled so far; the payments worker books each claim
    // settled later as an `adjustment`. Whatever the timing, ledger − still-open claims = accepted − claims.
    const ledger = async (soId: string): Promise<{ earned: number; entries: number; net: number; open: number }> =>
      (
        await t.db.query(
          `SELECT COALESCE(SUM(e.amount_fen) FILTER (WHERE e.kind = 'earned'), 0)::int AS earned, count(*) FILTER (WHERE e.kind = 'earned')::int AS entries,
                  COALESCE(SUM(e.amount_fen), 0)::int AS net,
                  (SELECT COALESCE(SUM(c.amount_fen), 0)::int FROM claims c JOIN order_lines ol ON ol.id = c.order_line_id
                    WHERE c.supplier_order_id = $1 AND ol.status = 'accepted' AND c.status = 'open') AS open
             FROM settlement_entries e WHERE e.supplier_order_id = $1 AND e.kind IN ('earned', 'adjustment')`,
          [soId],
        )
      )[0];
    const potatoLedger = await ledger(potatoSo.id);
    expect(potatoLedger.entries).toBe(1);
    expect(potatoLedger.net - potatoLedger.open).toBe(10 * 4_000 - 2 * 4_000 - 1 * 4_000);
    expect(await ledger(appleSo.id)).toEqual({ earned: 3 * 9_800, entries: 1, net: 3 * 9_800, open: 0 });
    const earners = await t.db.query(`SELECT supplier_order_id, supplier_id FROM settlement_entries WHERE kind = 'earned' AND supplier_order_id = ANY($1)`, [[potatoSo.id, appleSo.id]]);
    expect(Object.fromEntries(earners.map((e: any) => [e.supplier_order_id, e.supplier_id]))).toEqual({ [potatoSo.id]: potatoCoop.orgId, [appleSo.id]: appleCoop.orgId });

    const twice = await t.post(`/api/supplier-orders/${appleSo.id}/evaluation`, { rating: 1 }, buyer.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_EVALUATED');
    expect(twice.body.currentStatus).toBe('received');
    expect(await t.db.query(`SELECT evaluation_rating FROM supplier_orders WHERE id = $1`, [appleSo.id])).toEqual([{ evaluation_rating: 5 }]);
  });

  it('shows the buyer on its order the English names, the receipt note and photo and the claims; a cooperative only its own', async () => {
    const coop = await f.supplier(QINGYA, { verifiedBy: official, name: '石门马铃薯合作社' });
    expect((await t.call('PATCH', `/api/organisations/${coop.orgId}`, { body: { nameEn: 'Shimen Potato Cooperative' }, token: coop.token })).status).toBe(200);
    const potato = await f.product(coop, { priceFen: 4_000, priceTiers: [], units: 50 });
    expect((await t.call('PATCH', `/api/skus/${potato.skuId}`, { body: { packingUnitEn: '10 kg case' }, token: coop.token })).status).toBe(200);
    const apple = await f.product(appleCoop, { units: 20, countyCode: BAISHI, categoryCode: 'fruit' });
    const order = await placeInvoiceOrder([
      { skuId: potato.skuId, quantity: 5 },
      { skuId: apple.skuId, quantity: 2 },
    ]);
    const so = soOf(order, coop);
    expect(so.supplierNameEn).toBe('Shimen Potato Cooperative');
    expect(so.lines[0]).toMatchObject({ packingUnitZh: '10公斤箱', packingUnitEn: '10 kg case', receiptNote: null, receiptPhotoUrl: null });
    expect(order.invoice).toMatchObject({ status: 'draft', amountFen: order.totalFen, creditedFen: 0, amountDueFen: order.totalFen, number: null });
    expect([order.claims, order.refunds, order.creditNotes]).toEqual([[], [], []]);
    expect(order.placedByName).toBeTruthy();

    await acceptAll(coop, so);
    await ship(coop, so.id);
    const line = so.lines[0];
    expect((await t.call('POST', `/api/order-lines/${line.id}/receipt-photo`, { raw: PNG, contentType: 'image/png', token: buyer.token })).status).toBe(201);
    const receipt = { lines: [{ lineId: line.id, acceptedQuantity: 4, shortQuantity: 1, damagedQuantity: 0, note: '少一箱' }] };
    expect((await t.post(`/api/supplier-orders/${so.id}/receipt`, receipt, buyer.token)).status).toBe(200);

    const view = (await t.get(`/api/orders/${order.id}`, buyer.token)).body;
    expect(lineOf(soOf(view, coop), potato.skuId)).toMatchObject({ receivedQuantity: 4, shortQuantity: 1, receiptNote: '少一箱', receiptPhotoUrl: `/api/order-lines/${line.id}/receipt-photo` });
    expect(view.claims).toEqual([
      { id: expect.any(String), supplierOrderId: so.id, orderLineId: line.id, reason: 'short', quantity: 1, amountFen: 4_000, status: 'open', note: '少一箱', createdAt: expect.any(String), settledAt: null },
    ]);
    // The cooperative reading the order sees its own claims, and not the buyer's invoice; the other one sees none of them.
    const asCoop = (await t.get(`/api/orders/${order.id}`, coop.token)).body;
    expect([asCoop.claims.length, asCoop.invoice]).toEqual([1, null]);
    const asApple = (await t.get(`/api/orders/${order.id}`, appleCoop.token)).body;
    expect([asApple.claims, asApple.creditNotes, asApple.invoice]).toEqual([[], [], null]);
    // The supplier order view carries the same names and claims.
    const detail = (await t.get(`/api/supplier-orders/${so.id}`, buyer.token)).body;
    expect(detail.supplierNameEn).toBe('Shimen Potato Cooperative');
    expect(detail.lines[0].packingUnitEn).toBe('10 kg case');
    expect(detail.claims).toEqual([expect.objectContaining({ supplierOrderId: so.id, reason: 'short' })]);
  });

  it('refuses steps out of order with 409 and the current status', async () => {
    const p = await f.product(potatoCoop, { units: 20 });
    const order = await placeInvoiceOrder([{ skuId: p.skuId, quantity: 2 }]);
    const so = soOf(order, potatoCoop);
    const line = so.lines[0];
    const receiveBody = { lines: [{ lineId: line.id, acceptedQuantity: 2, shortQuantity: 0, damagedQuantity: 0 }] };

    const early = await t.post(`/api/supplier-orders/${so.id}/receipt`, receiveBody, buyer.token);
    expect([early.status, early.body.code, early.body.currentStatus]).toEqual([409, 'ILLEGAL_TRANSITION', 'placed']);
    const shipFirst = await t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: 'EMS', trackingNo: 'E1', shippedOn: businessDay() }, potatoCoop.token);
    expect([shipFirst.status, shipFirst.body.currentStatus]).toEqual([409, 'placed']);
    const evalFirst = await t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5 }, buyer.token);
    expect([evalFirst.status, evalFirst.body.currentStatus]).toEqual([409, 'placed']);

    await acceptAll(potatoCoop, so);
    const again = await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: line.id, decision: 'reject' }] }, potatoCoop.token);
    expect([again.status, again.body.currentStatus]).toEqual([409, 'accepted']);
    const notShipped = await t.post(`/api/supplier-orders/${so.id}/receipt`, receiveBody, buyer.token);
    expect([notShipped.status, notShipped.body.currentStatus]).toEqual([409, 'accepted']);
    const photoEarly = await t.call('POST', `/api/order-lines/${line.id}/receipt-photo`, { raw: PNG, contentType: 'image/png', token: buyer.token });
    expect([photoEarly.status, photoEarly.body.currentStatus]).toEqual([409, 'accepted']);
    await ship(potatoCoop, so.id);
    const shipAgain = await t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: 'EMS', trackingNo: 'E2', shippedOn: businessDay() }, potatoCoop.token);
    expect([shipAgain.status, shipAgain.body.currentStatus]).toEqual([409, 'shipped']);

    // A card order not paid yet: its supplier order is pending and the cooperative cannot act.
    const unpaid = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: deliveryDay(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 1 }] }, buyer.token);
    const pending = soOf(unpaid.body, potatoCoop);
    const tooSoon = await t.post(`/api/supplier-orders/${pending.id}/decisions`, { lines: [{ lineId: pending.lines[0].id, decision: 'accept' }] }, potatoCoop.token);
    expect([tooSoon.status, tooSoon.body.currentStatus]).toEqual([409, 'pending']);
  });

  it('answers receipts and decisions that do not add up with 400 naming the field', async () => {
    const a = await f.product(potatoCoop, { units: 20 });
    const b = await f.product(potatoCoop, { units: 20 });
    const order = await placeInvoiceOrder([
      { skuId: a.skuId, quantity: 5 },
      { skuId: b.skuId, quantity: 3 },
    ]);
    const so = soOf(order, potatoCoop);
    const [la, lb] = [lineOf(so, a.skuId), lineOf(so, b.skuId)];

    const missing = await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: la.id, decision: 'accept' }] }, potatoCoop.token);
    expect([missing.status, missing.body.details[0].field]).toEqual([400, 'lines']);
    expect(missing.body.message).toContain(lb.id);
    const foreign = await t.post(
      `/api/supplier-orders/${so.id}/decisions`,
      { lines: [{ lineId: la.id, decision: 'accept' }, { lineId: lb.id, decision: 'accept' }, { lineId: order.id, decision: 'accept' }] },
      potatoCoop.token,
    );
    expect([foreign.status, foreign.body.details[0].field]).toEqual([400, 'lines[2].lineId']);
    const dup = await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: la.id, decision: 'accept' }, { lineId: la.id, decision: 'reject' }, { lineId: lb.id, decision: 'accept' }] }, potatoCoop.token);
    expect([dup.status, dup.body.details[0].field]).toEqual([400, 'lines[1].lineId']);
    const badDecision = await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: la.id, decision: 'maybe' }] }, potatoCoop.token);
    expect([badDecision.status, badDecision.body.details[0].field]).toEqual([400, 'lines[0].decision']);
    expect(await t.db.query(`SELECT status FROM order_lines WHERE supplier_order_id = $1`, [so.id])).toEqual([{ status: 'pending' }, { status: 'pending' }]);

    await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: la.id, decision: 'accept' }, { lineId: lb.id, decision: 'reject' }] }, potatoCoop.token);
    await ship(potatoCoop, so.id);
    const cases: Array<[unknown, string]> = [
      [{ lines: [{ lineId: la.id, acceptedQuantity: 3, shortQuantity: 1, damagedQuantity: 0 }] }, 'lines[0].acceptedQuantity'],
      [{ lines: [{ lineId: la.id, acceptedQuantity: 6, shortQuantity: 0, damagedQuantity: 0 }] }, 'lines[0].acceptedQuantity'],
      [{ lines: [{ lineId: la.id, acceptedQuantity: 6, shortQuantity: -1, damagedQuantity: 0 }] }, 'lines[0].shortQuantity'],
      [{ lines: [{ lineId: la.id, acceptedQuantity: 4.5, shortQuantity: 0.5, damagedQuantity: 0 }] }, 'lines[0].acceptedQuantity'],
      [{ lines: [{ lineId: la.id, acceptedQuantity: 5, shortQuantity: 0 }] }, 'lines[0].damagedQuantity'],
      [{ lines: [{ lineId: la.id, acceptedQuantity: 5, shortQuantity: 0, damagedQuantity: 0 }, { lineId: lb.id, acceptedQuantity: 3, shortQuantity: 0, damagedQuantity: 0 }] }, 'lines[1].lineId'],
      [{ lines: [{ lineId: lb.id, acceptedQuantity: 3, shortQuantity: 0, damagedQuantity: 0 }] }, 'lines[0].lineId'],
      [{ lines: [] }, 'lines'],
      [{ lines: [{ lineId: la.id, acceptedQuantity: 5, shortQuantity: 0, damagedQuantity: 0, note: 'a\u0000b' }] }, 'lines[0].note'],
    ];
    for (const [body, field] of cases) {
      const res = await t.post(`/api/supplier-orders/${so.id}/receipt`, body, buyer.token);
      expect([res.status, res.body.details?.[0]?.field]).toEqual([400, field]);
    }
    const mismatch = await t.post(`/api/supplier-orders/${so.id}/receipt`, cases[0][0], buyer.token);
    expect(mismatch.body.message).toContain('but 5 were ordered');
    // Nothing was recorded by the refused attempts.
    expect((await t.get(`/api/supplier-orders/${so.id}`, buyer.token)).body.status).toBe('shipped');
    expect(await claimsOf(so.id)).toEqual([expect.objectContaining({ reason: 'rejected' })]);
    const evaluation = await t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 6 }, buyer.token);
    expect([evaluation.status, evaluation.body.details[0].field]).toEqual([400, 'rating']);
  });

  it('shows and lets act only the cooperative and the buyer of the order; everyone else gets 404', async () => {
    const p = await f.product(potatoCoop, { units: 20 });
    const order = await placeInvoiceOrder([{ skuId: p.skuId, quantity: 2 }]);
    const so = soOf(order, potatoCoop);
    const line = so.lines[0];
    const otherCoop = await f.supplier(QINGYA, { verifiedBy: official });
    const otherBuyer = await f.buyer('enterprise');

    expect((await t.get(`/api/supplier-orders/${so.id}`, buyer.token)).status).toBe(200);
    expect((await t.get(`/api/supplier-orders/${so.id}`, otherCoop.token)).status).toBe(404);
    expect((await t.get(`/api/supplier-orders/${so.id}`, otherBuyer.token)).status).toBe(404);
    expect((await t.get(`/api/supplier-orders/${so.id}`, appleCoop.token)).status).toBe(404);
    expect((await t.get(`/api/supplier-orders?supplierId=${potatoCoop.orgId}`, otherCoop.token)).status).toBe(404);
    expect((await t.get('/api/supplier-orders', otherCoop.token)).body.items).toEqual([]);
    expect((await t.get(`/api/suppliers/${potatoCoop.orgId}/pick-list`, otherCoop.token)).status).toBe(404);
    // Its buyers: the school, with the orders it placed; nobody else's list, no buyer of another cooperative.
    const buyers = await t.get(`/api/suppliers/${potatoCoop.orgId}/buyers`, potatoCoop.token);
    expect(buyers.status).toBe(200);
    expect(buyers.body).toEqual([expect.objectContaining({ id: buyer.orgId, buyerType: 'school', agreements: 0, commitments: 0 })]);
    expect(buyers.body[0].orders).toBe((await t.db.query(`SELECT count(*)::int AS n FROM supplier_orders WHERE supplier_id = $1`, [potatoCoop.orgId]))[0].n);
    expect(buyers.body[0].lastOrderAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await t.get(`/api/suppliers/${otherCoop.orgId}/buyers`, otherCoop.token)).body).toEqual([]);
    expect((await t.get(`/api/suppliers/${potatoCoop.orgId}/buyers`, otherCoop.token)).status).toBe(404);
    expect((await t.get(`/api/suppliers/${potatoCoop.orgId}/buyers`, buyer.token)).status).toBe(403);
    expect((await t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: [{ lineId: line.id, decision: 'reject' }] }, otherCoop.token)).status).toBe(404);
    await acceptAll(potatoCoop, so);
    expect((await t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: 'EMS', trackingNo: 'E1', shippedOn: businessDay() }, otherCoop.token)).status).toBe(404);
    await ship(potatoCoop, so.id);
    const receipt = { lines: [{ lineId: line.id, acceptedQuantity: 2, shortQuantity: 0, damagedQuantity: 0 }] };
    expect((await t.post(`/api/supplier-orders/${so.id}/receipt`, receipt, otherBuyer.token)).status).toBe(404);
    // The cooperative holds no buyer role at all: refused at the door.
    expect((await t.post(`/api/supplier-orders/${so.id}/receipt`, receipt, potatoCoop.token)).status).toBe(403);
    expect((await t.call('POST', `/api/order-lines/${line.id}/receipt-photo`, { raw: PNG, contentType: 'image/png', token: otherBuyer.token })).status).toBe(404);
    await receiveAll(so);
    expect((await t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5 }, otherBuyer.token)).status).toBe(404);
    expect((await t.get(`/api/order-lines/${line.id}/receipt-photo`, otherBuyer.token)).status).toBe(404);
    // No photo was uploaded: 404 for the parties too.
    expect((await t.get(`/api/order-lines/${line.id}/receipt-photo`, buyer.token)).status).toBe(404);
    // A buyer member without a purchasing role sees the order but cannot act on it.
    const approver = await f.signUp('approver');
    await t.post(`/api/organisations/${buyer.orgId}/members`, { email: approver.email, role: 'buyer_approver' }, buyer.token);
    const approverToken = await f.signIn(approver.email);
    expect((await t.get(`/api/supplier-orders/${so.id}`, approverToken)).status).toBe(200);
    expect((await t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5 }, approverToken)).status).toBe(403);
  });

  it('does not complete while the invoice is unpaid, and completes once it is paid', async () => {
    const p = await f.product(appleCoop, { units: 20, countyCode: BAISHI, priceFen: 5_000, priceTiers: [] });
    const order = await placeInvoiceOrder([{ skuId: p.skuId, quantity: 2 }]);
    const so = soOf(order, appleCoop);
    await acceptAll(appleCoop, so);
    await ship(appleCoop, so.id);
    await receiveAll(so);
    const evaluated = await t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5 }, buyer.token);
    expect(evaluated.body.buyerOrderStatus).toBe('open');
    expect(await orderStatus(order.id)).toBe('open');
    expect(await t.db.query(`SELECT 1 FROM outbox_events WHERE aggregate_id = $1 AND type = 'order.completed'`, [order.id])).toEqual([]);
    // What the payments side does when the operator records the transfer: mark paid, then apply the completion rule.
    await markInvoicePaid(order.id);
    expect(await t.db.transaction((tx) => new OrderCompletionRepository().tryComplete(tx, order.id))).toBe('completed');
    expect(await orderStatus(order.id)).toBe('completed');
    expect(await t.db.query(`SELECT amount_fen::int AS amount FROM settlement_entries WHERE supplier_order_id = $1 AND kind = 'earned'`, [so.id])).toEqual([{ amount: 10_000 }]);
  });

  it('completes without an evaluation where the jurisdiction does not ask for one', async () => {
    const countyOfficial = await f.official(UNPAIRED_COUNTY);
    await t.db.query(`UPDATE organisations SET requires_evaluation = false WHERE id = $1`, [countyOfficial.orgId]);
    const coop = await f.supplier(UNPAIRED_COUNTY, { verifiedBy: countyOfficial });
    const p = await f.product(coop, { units: 20, countyCode: UNPAIRED_COUNTY });
    const order = await placeInvoiceOrder([{ skuId: p.skuId, quantity: 2 }]);
    await markInvoicePaid(order.id);
    const so = soOf(order, coop);
    await acceptAll(coop, so);
    await ship(coop, so.id);
    const received = await receiveAll(so);
    expect(received.buyerOrderStatus).toBe('completed');
    expect(received.evaluationRating).toBeNull();
    // The same flow under the prefecture that asks for evaluations waits for one.
    const q = await f.product(potatoCoop, { units: 20 });
    const other = await placeInvoiceOrder([{ skuId: q.skuId, quantity: 2 }]);
    await markInvoicePaid(other.id);
    const otherSo = soOf(other, potatoCoop);
    await acceptAll(potatoCoop, otherSo);
    await ship(potatoCoop, otherSo.id);
    expect((await receiveAll(otherSo)).buyerOrderStatus).toBe('open');
  });

  it('records a receipt once when it is submitted twice at the same time', async () => {
    const p = await f.product(potatoCoop, { units: 20, priceFen: 3_000, priceTiers: [] });
    const order = await placeInvoiceOrder([{ skuId: p.skuId, quantity: 6 }]);
    const so = soOf(order, potatoCoop);
    await acceptAll(potatoCoop, so);
    await ship(potatoCoop, so.id);
    const body = { lines: [{ lineId: so.lines[0].id, acceptedQuantity: 3, shortQuantity: 2, damagedQuantity: 1 }] };
    const results = await Promise.all(Array.from({ length: 6 }, () => t.post(`/api/supplier-orders/${so.id}/receipt`, body, buyer.token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.currentStatus).toBe('received');
    expect(await claimsOf(so.id)).toEqual([
      { reason: 'damaged', quantity: 1, amount: 3_000, line: so.lines[0].id, note: null },
      { reason: 'short', quantity: 2, amount: 6_000, line: so.lines[0].id, note: null },
    ]);
  });

  it('owes back the delivery fee when a cooperative rejects every line, and cancels the order when every cooperative has', async () => {
    const potato = await f.product(potatoCoop, { units: 20, priceFen: 4_000, priceTiers: [] });
    const apple = await f.product(appleCoop, { units: 20, countyCode: BAISHI, priceFen: 9_000, priceTiers: [] });
    const mixed = await placeInvoiceOrder([
      { skuId: potato.skuId, quantity: 2 },
      { skuId: apple.skuId, quantity: 1 },
    ]);
    await markInvoicePaid(mixed.id);
    const appleSo = soOf(mixed, appleCoop);
    const rejected = await t.post(`/api/supplier-orders/${appleSo.id}/decisions`, { lines: [{ lineId: appleSo.lines[0].id, decision: 'reject' }] }, appleCoop.token);
    expect(rejected.body.status).toBe('rejected');
    expect(appleSo.deliveryFeeFen).toBeGreaterThan(0);
    expect(await claimsOf(appleSo.id)).toEqual([
      { reason: 'rejected', quantity: 1, amount: 9_000, line: appleSo.lines[0].id, note: null },
      { reason: 'delivery_fee', quantity: 0, amount: appleSo.deliveryFeeFen, line: null, note: 'every line rejected by the cooperative' },
    ].sort((x, y) => x.reason.localeCompare(y.reason)));
    expect(await stockOf(apple.skuId)).toEqual({ sku: 20, lots: 20 });
    // The other cooperative still delivers: the order stays open and completes without the rejected part.
    expect(await orderStatus(mixed.id)).toBe('open');
    const potatoSo = soOf(mixed, potatoCoop);
    await acceptAll(potatoCoop, potatoSo);
    await ship(potatoCoop, potatoSo.id);
    await receiveAll(potatoSo);
    const done = await t.post(`/api/supplier-orders/${potatoSo.id}/evaluation`, { rating: 5 }, buyer.token);
    expect(done.body.buyerOrderStatus).toBe('completed');
    expect(await t.db.query(`SELECT supplier_order_id FROM settlement_entries WHERE supplier_order_id = ANY($1)`, [[potatoSo.id, appleSo.id]])).toEqual([{ supplier_order_id: potatoSo.id }]);

    // Every cooperative rejects: nothing will arrive, so the buyer order is cancelled.
    const doomed = await placeInvoiceOrder([{ skuId: apple.skuId, quantity: 2 }]);
    const doomedSo = soOf(doomed, appleCoop);
    await t.post(`/api/supplier-orders/${doomedSo.id}/decisions`, { lines: [{ lineId: doomedSo.lines[0].id, decision: 'reject', note: '冰雹' }] }, appleCoop.token);
    const view = await t.get(`/api/orders/${doomed.id}`, buyer.token);
    expect(view.body.status).toBe('cancelled');
    expect(view.body.cancelReason).toBe('every cooperative rejected its part of the order');
    expect((await t.db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [doomed.id])).map((e: any) => e.type)).toEqual(['order.cancelled']);
    // Unpaid invoice order: the invoice is still owed back by credit note, line and delivery fee.
    expect((await claimsOf(doomedSo.id)).map((c) => [c.reason, c.amount])).toEqual([
      ['delivery_fee', doomedSo.deliveryFeeFen],
      ['rejected', 18_000],
    ]);
    expect(await stockOf(apple.skuId)).toEqual({ sku: 20, lots: 20 });
  });
});

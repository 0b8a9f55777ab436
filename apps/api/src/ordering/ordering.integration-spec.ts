import { addDays, businessDay } from '@shanhai/domain';
import { Actor, BAISHI, Fixtures, QINGYA } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

const tomorrow = (): string => addDays(businessDay(), 3);

describe('ordering: cart, checkout, stock, approval, idempotency', () => {
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
    official = await f.official('629800');
    potatoCoop = await f.supplier(QINGYA, { verifiedBy: official });
    appleCoop = await f.supplier(BAISHI, { verifiedBy: official });
    buyer = await f.buyer('school');
    siteId = await f.deliverySite(buyer);
  });
  afterAll(() => t.close());

  const stockOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT stock_units FROM skus WHERE id = $1`, [skuId]))[0].stock_units;
  const lotsOf = async (skuId: string): Promise<number> =>
    (await t.db.query(`SELECT COALESCE(sum(available_units), 0)::int AS n FROM lots WHERE sku_id = $1`, [skuId]))[0].n;
  const count = async (table: string): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('prices the cart on the server with volume tiers and groups it by cooperative with delivery fees', async () => {
    const potato = await f.product(potatoCoop, { priceFen: 4_000, priceTiers: [{ minQuantity: 10, unitPriceFen: 3_600 }], units: 500 });
    const apple = await f.product(appleCoop, { nameZh: '苹果', priceFen: 9_800, priceTiers: [], units: 500, countyCode: BAISHI });
    const b = await f.buyer();
    const site = await f.deliverySite(b);
    expect((await t.put('/api/cart/items', { skuId: potato.skuId, quantity: 12 }, b.token)).status).toBe(200);
    expect((await t.put('/api/cart/items', { skuId: apple.skuId, quantity: 2 }, b.token)).status).toBe(200);
    const cart = await t.get(`/api/cart?deliverySiteId=${site}`, b.token);
    expect(cart.status).toBe(200);
    expect(cart.body.groups).toHaveLength(2);
    const potatoLine = cart.body.groups.flatMap((g: any) => g.lines).find((l: any) => l.skuId === potato.skuId);
    expect(potatoLine.unitPriceFen).toBe(3_600);
    expect(potatoLine.lineFen).toBe(43_200);
    expect(cart.body.produceFen).toBe(43_200 + 19_600);
    // West (Gansu) to east (Zhejiang) is the far band: 5,000 base + 800 per started 10 kg above the first.
    const potatoGroup = cart.body.groups.find((g: any) => g.supplierId === potatoCoop.orgId);
    expect(potatoGroup.weightG).toBe(120_000);
    expect(potatoGroup.deliveryFeeFen).toBe(5_000 + 11 * 800);
    expect(cart.body.totalFen).toBe(cart.body.produceFen + cart.body.deliveryFeeFen);

    const placed = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: tomorrow(), paymentMethod: 'card' }, b.token);
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe('awaiting_payment');
    expect(placed.body.supplierOrders).toHaveLength(2);
    expect(placed.body.produceFen).toBe(cart.body.produceFen);
    expect(placed.body.deliveryFeeFen).toBe(cart.body.deliveryFeeFen);
    expect(placed.body.totalFen).toBe(cart.body.totalFen);
    expect(placed.body.supplierOrders.every((so: any) => so.status === 'pending')).toBe(true);
    expect(placed.body.paymentDueAt).not.toBeNull();
    expect(await stockOf(potato.skuId)).toBe(488);
    expect(await lotsOf(potato.skuId)).toBe(488);
    // The ordered lines left the cart.
    expect((await t.get('/api/cart', b.token)).body.groups).toHaveLength(0);
  });

  it('enforces minimum and multiple with 400 naming the field', async () => {
    const p = await f.product(potatoCoop, { minOrderQuantity: 4, orderMultiple: 2 });
    const below = await t.put('/api/cart/items', { skuId: p.skuId, quantity: 2 }, buyer.token);
    expect(below.status).toBe(400);
    expect(below.body.details[0]).toEqual({ field: 'quantity', reason: expect.stringContaining('minimum order') });
    const odd = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 5 }] }, buyer.token);
    expect(odd.status).toBe(400);
    expect(odd.body.details[0]).toEqual({ field: 'lines[0].quantity', reason: expect.stringContaining('multiples of 2') });
  });

  it('refuses a delivery date the lead time does not allow, naming the SKU', async () => {
    const p = await f.product(potatoCoop, { leadTimeDays: 5 });
    const res = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: addDays(businessDay(), 2), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 1 }] }, buyer.token);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('deliveryDate');
    expect(res.body.message).toContain(addDays(businessDay(), 5));
  });

  it('allocates reserved units to lots, earliest harvest first', async () => {
    const p = await f.product(potatoCoop, { units: 10 });
    const later = await t.post(`/api/skus/${p.skuId}/lots`, { baseId: p.baseId, code: 'LATE', harvestDate: '2026-10-01', quantityUnits: 50 }, potatoCoop.token);
    const earlier = await t.post(`/api/skus/${p.skuId}/lots`, { baseId: p.baseId, code: 'EARLY', harvestDate: '2026-08-01', quantityUnits: 5 }, potatoCoop.token);
    const res = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 20 }] }, buyer.token);
    expect(res.status).toBe(201);
    const lots = res.body.supplierOrders[0].lines[0].lots;
    // EARLY (08-01) 5, then L1 (09-01) 10, then LATE (10-01) 5.
    expect(lots.map((l: any) => [l.lotCode, l.quantity])).toEqual([
      ['EARLY', 5],
      ['L1', 10],
      ['LATE', 5],
    ]);
    const avail = await t.db.query(`SELECT id, available_units FROM lots WHERE id = ANY($1)`, [[later.body.id, earlier.body.id]]);
    expect(Object.fromEntries(avail.map((r: any) => [r.id, r.available_units]))).toEqual({ [later.body.id]: 45, [earlier.body.id]: 0 });
  });

  it('sells exactly the units there are when 200 orders race for 100, and the rest get 409 with nothing changed', async () => {
    const p = await f.product(potatoCoop, { units: 100 });
    const buyers = await Promise.all(Array.from({ length: 4 }, () => f.buyer('enterprise')));
    const sites = await Promise.all(buyers.map((b) => f.deliverySite(b)));
    const ordersBefore = await count('buyer_orders');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.post('/api/orders', { deliverySiteId: sites[i % 4], deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 1 }] }, buyers[i % 4].token),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('STOCK_EXHAUSTED');
    expect(await stockOf(p.skuId)).toBe(0);
    expect(await lotsOf(p.skuId)).toBe(0);
    expect((await count('buyer_orders')) - ordersBefore).toBe(100);
    const [{ units }] = await t.db.query(`SELECT COALESCE(sum(quantity), 0)::int AS units FROM order_lines WHERE sku_id = $1`, [p.skuId]);
    expect(units).toBe(100);
    const [{ stock }] = await t.db.query(`SELECT stock_units::int AS stock FROM products WHERE id = $1`, [p.productId]);
    expect(stock).toBe(0);
  });

  it('refuses a whole order when one line is short, reserving nothing for the others', async () => {
    const plenty = await f.product(potatoCoop, { units: 100 });
    const scarce = await f.product(appleCoop, { units: 3, countyCode: BAISHI });
    const before = await count('buyer_orders');
    const res = await t.post(
      '/api/orders',
      { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: plenty.skuId, quantity: 10 }, { skuId: scarce.skuId, quantity: 4 }] },
      buyer.token,
    );
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([{ field: 'lines[1].quantity', reason: '3 units available, 4 requested' }]);
    expect(await stockOf(plenty.skuId)).toBe(100);
    expect(await count('buyer_orders')).toBe(before);
  });

  it('returns the first result for a retried POST with the same Idempotency-Key, sequentially and concurrently', async () => {
    const p = await f.product(potatoCoop, { units: 50 });
    const body = { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 2 }] };
    const key = `key-${Date.now()}`;
    const first = await t.call('POST', '/api/orders', { token: buyer.token, body, headers: { 'Idempotency-Key': key } });
    const again = await t.call('POST', '/api/orders', { token: buyer.token, body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await stockOf(p.skuId)).toBe(48);

    const key2 = `key-par-${Date.now()}`;
    const racing = await Promise.all(Array.from({ length: 8 }, () => t.call('POST', '/api/orders', { token: buyer.token, body, headers: { 'Idempotency-Key': key2 } })));
    expect(new Set(racing.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(p.skuId)).toBe(46);

    const reused = await t.call('POST', '/api/orders', { token: buyer.token, body: { ...body, lines: [{ skuId: p.skuId, quantity: 4 }] }, headers: { 'Idempotency-Key': key } });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lets a retry succeed after a first attempt that failed half-way, without double effects', async () => {
    const p = await f.product(potatoCoop, { units: 5 });
    const key = `key-fail-${Date.now()}`;
    const tooMany = await t.call('POST', '/api/orders', {
      token: buyer.token,
      headers: { 'Idempotency-Key': key },
      body: { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 6 }] },
    });
    expect(tooMany.status).toBe(409);
    // Stock arrives; the same key with the same request now places the order once.
    await t.post(`/api/skus/${p.skuId}/lots`, { baseId: p.baseId, code: 'L2', harvestDate: '2026-09-10', quantityUnits: 10 }, potatoCoop.token);
    const body = { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 6 }] };
    const retry = await t.call('POST', '/api/orders', { token: buyer.token, body, headers: { 'Idempotency-Key': key } });
    expect(retry.status).toBe(201);
    const again = await t.call('POST', '/api/orders', { token: buyer.token, body, headers: { 'Idempotency-Key': key } });
    expect(again.body.id).toBe(retry.body.id);
    expect(await stockOf(p.skuId)).toBe(9);
  });

  it('holds an order above the threshold for an approver, who can approve or reject it', async () => {
    const b = await f.buyer('government');
    const site = await f.deliverySite(b);
    const approver = await f.signUp('approver');
    expect((await t.post(`/api/organisations/${b.orgId}/members`, { email: approver.email, role: 'buyer_approver' }, b.token)).status).toBe(201);
    const approverToken = await f.signIn(approver.email);
    // The sign-up admin holds approver too: give the order to a plain purchaser.
    const purchaser = await f.signUp('purchaser');
    await t.post(`/api/organisations/${b.orgId}/members`, { email: purchaser.email, role: 'buyer_purchaser' }, b.token);
    const purchaserToken = await f.signIn(purchaser.email);
    expect((await t.put(`/api/organisations/${b.orgId}/purchasing`, { approvalThresholdFen: 10_000 }, b.token)).status).toBe(200);
    const p = await f.product(potatoCoop, { units: 100, priceFen: 4_000, priceTiers: [] });

    const small = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 2 }] }, purchaserToken);
    expect(small.body.status).toBe('awaiting_payment');
    const big = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 10 }] }, purchaserToken);
    expect(big.body.status).toBe('pending_approval');
    expect(big.body.placedByName).toBe('purchaser');
    // The approver's queue: what waits, who placed it, for how much, the one that lapses first on top.
    const queue = await t.get('/api/orders?status=pending_approval', approverToken);
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ id: big.body.id, placedByName: 'purchaser', produceFen: 40_000, totalFen: big.body.totalFen, deliverySiteName: '食堂', paymentDueAt: big.body.paymentDueAt }),
    ]);
    expect(await stockOf(p.skuId)).toBe(88);
    expect((await t.post(`/api/orders/${big.body.id}/approval`, { decision: 'approve' }, purchaserToken)).status).toBe(403);
    const approved = await t.post(`/api/orders/${big.body.id}/approval`, { decision: 'approve' }, approverToken);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('awaiting_payment');
    expect(approved.body.approvedBy).toBe(approver.userId);
    expect([approved.body.approvedByName, typeof approved.body.approvedAt]).toEqual(['approver', 'string']);
    expect((await t.get('/api/orders?status=pending_approval', approverToken)).body.items).toEqual([]);
    const twice = await t.post(`/api/orders/${big.body.id}/approval`, { decision: 'approve' }, approverToken);
    expect(twice.status).toBe(409);
    expect(twice.body.currentStatus).toBe('awaiting_payment');

    const another = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 20 }] }, purchaserToken);
    const rejected = await t.post(`/api/orders/${another.body.id}/approval`, { decision: 'reject', note: '超预算' }, approverToken);
    expect(rejected.body.status).toBe('cancelled');
    expect(await stockOf(p.skuId)).toBe(88);
  });

  it('tells the buyer before checkout whether it may pay by invoice and whether the cart would wait for an approver', async () => {
    const b = await f.buyer('hospital');
    const purchaser = await f.signUp('purchaser');
    await t.post(`/api/organisations/${b.orgId}/members`, { email: purchaser.email, role: 'buyer_purchaser' }, b.token);
    const purchaserToken = await f.signIn(purchaser.email);
    const p = await f.product(potatoCoop, { units: 100, priceFen: 4_000, priceTiers: [] });
    expect((await t.put('/api/cart/items', { skuId: p.skuId, quantity: 5 }, purchaserToken)).status).toBe(200);

    const before = await t.get('/api/cart', purchaserToken);
    expect(before.body.purchasing).toEqual({ organisationId: b.orgId, approvalThresholdFen: null, netTermsDays: null, invoiceAllowed: false });
    expect(before.body.needsApproval).toBe(false);
    expect((await t.get(`/api/organisations/${b.orgId}/purchasing`, purchaserToken)).body).toEqual(before.body.purchasing);

    const op = await f.operator();
    expect((await t.put(`/api/organisations/${b.orgId}/net-terms`, { days: 45 }, op.token)).body).toMatchObject({ netTermsDays: 45, invoiceAllowed: true });
    expect((await t.put(`/api/organisations/${b.orgId}/purchasing`, { approvalThresholdFen: 10_000 }, b.token)).body).toMatchObject({ approvalThresholdFen: 10_000, invoiceAllowed: true });
    const after = await t.get('/api/cart', purchaserToken);
    expect(after.body.purchasing).toEqual({ organisationId: b.orgId, approvalThresholdFen: 10_000, netTermsDays: 45, invoiceAllowed: true });
    // ¥200 of produce is above the ¥100 threshold: the purchaser's order would wait; it does, as told.
    expect(after.body.needsApproval).toBe(true);
    const placed = await t.post('/api/orders', { deliverySiteId: await f.deliverySite(b), deliveryDate: tomorrow(), paymentMethod: 'invoice' }, purchaserToken);
    expect([placed.status, placed.body.status]).toEqual([201, 'pending_approval']);

    // Only members (and the operator) read the settings; anyone else is told the organisation does not exist.
    const other = await f.buyer();
    expect((await t.get(`/api/organisations/${b.orgId}/purchasing`, other.token)).status).toBe(404);
    expect((await t.get(`/api/organisations/${b.orgId}/purchasing`, op.token)).status).toBe(200);
    expect((await t.get(`/api/organisations/${potatoCoop.orgId}/purchasing`, potatoCoop.token)).status).toBe(400);
  });

  it('cancels an unpaid order, returning every unit to its lot and writing an outbox event', async () => {
    const p = await f.product(potatoCoop, { units: 30 });
    const placed = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 12 }] }, buyer.token);
    expect(await stockOf(p.skuId)).toBe(18);
    const cancelled = await t.post(`/api/orders/${placed.body.id}/cancellation`, { reason: '计划变更' }, buyer.token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.supplierOrders[0].status).toBe('cancelled');
    expect(await stockOf(p.skuId)).toBe(30);
    expect(await lotsOf(p.skuId)).toBe(30);
    const events = await t.db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [placed.body.id]);
    expect(events.map((e: any) => e.type)).toEqual(['order.cancelled']);
    const again = await t.post(`/api/orders/${placed.body.id}/cancellation`, {}, buyer.token);
    expect(again.status).toBe(409);
    expect(await stockOf(p.skuId)).toBe(30);
  });

  it('refuses invoice payment until the operator approves net terms, then opens the order with a draft invoice', async () => {
    const b = await f.buyer('hospital');
    const site = await f.deliverySite(b);
    const p = await f.product(potatoCoop, { units: 20 });
    const body = { deliverySiteId: site, deliveryDate: tomorrow(), paymentMethod: 'invoice', lines: [{ skuId: p.skuId, quantity: 2 }] };
    const refused = await t.post('/api/orders', body, b.token);
    expect(refused.status).toBe(409);
    expect(refused.body.details[0].field).toBe('paymentMethod');
    const op = await f.operator();
    expect((await t.put(`/api/organisations/${b.orgId}/net-terms`, { days: 30 }, b.token)).status).toBe(403);
    expect((await t.put(`/api/organisations/${b.orgId}/net-terms`, { days: 30 }, op.token)).status).toBe(200);
    const placed = await t.post('/api/orders', body, b.token);
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe('open');
    expect(placed.body.supplierOrders[0].status).toBe('placed');
    const [invoice] = await t.db.query(`SELECT status, amount_fen::int AS amount FROM invoices WHERE buyer_order_id = $1`, [placed.body.id]);
    expect(invoice).toEqual({ status: 'draft', amount: placed.body.totalFen });
  });

  it('adds quick-order CSV lines with a report of what was added and why lines were refused, and reorders', async () => {
    const a = await f.product(potatoCoop, { units: 100, minOrderQuantity: 2 });
    const b2 = await f.product(appleCoop, { units: 100, countyCode: BAISHI });
    const b = await f.buyer();
    const csv = `SKU,数量\n${a.skuCode},4\n${b2.skuCode},x\nNOPE-1,3\n${a.skuCode},1\n${b2.skuCode},2`;
    const res = await t.post('/api/cart/quick-order', { csv }, b.token);
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(3);
    expect(res.body.refused).toBe(2);
    expect(res.body.lines.map((l: any) => [l.row, l.status])).toEqual([
      [1, 'added'],
      [2, 'refused'],
      [3, 'refused'],
      [4, 'added'],
      [5, 'added'],
    ]);
    expect(res.body.lines[1].reason).toContain('not a whole number');
    expect(res.body.lines[2].reason).toBe('unknown SKU');
    const lines = res.body.cart.groups.flatMap((g: any) => g.lines);
    expect(lines.find((l: any) => l.skuId === a.skuId).quantity).toBe(5);

    const site = await f.deliverySite(b);
    const placed = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: tomorrow(), paymentMethod: 'card' }, b.token);
    expect(placed.status).toBe(201);
    const again = await t.post(`/api/orders/${placed.body.id}/reorder`, {}, b.token);
    expect(again.status).toBe(200);
    expect(again.body.added).toBe(2);
    expect(again.body.cart.groups.flatMap((g: any) => g.lines).map((l: any) => l.quantity).sort()).toEqual([2, 5]);
  });

  it('shows an order to its buyer organisation, only its own part to a cooperative, and nothing to others', async () => {
    const a = await f.product(potatoCoop, { units: 10 });
    const b = await f.product(appleCoop, { units: 10, countyCode: BAISHI });
    const placed = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: a.skuId, quantity: 1 }, { skuId: b.skuId, quantity: 1 }] }, buyer.token);
    const asSupplier = await t.get(`/api/orders/${placed.body.id}`, potatoCoop.token);
    expect(asSupplier.status).toBe(200);
    expect(asSupplier.body.supplierOrders.map((so: any) => so.supplierId)).toEqual([potatoCoop.orgId]);
    const other = await f.buyer();
    expect((await t.get(`/api/orders/${placed.body.id}`, other.token)).status).toBe(404);
    expect((await t.post(`/api/orders/${placed.body.id}/cancellation`, {}, other.token)).status).toBe(404);
    const outsider = await f.supplier(QINGYA, { verifiedBy: official });
    expect((await t.get(`/api/orders/${placed.body.id}`, outsider.token)).status).toBe(404);
    const list = await t.get('/api/orders', buyer.token);
    expect(list.body.items.some((o: any) => o.id === placed.body.id)).toBe(true);
    expect((await t.get('/api/orders', other.token)).body.items.some((o: any) => o.id === placed.body.id)).toBe(false);
  });

  it('places an order of 2,000 lines in one transaction', async () => {
    const coop = await f.supplier(QINGYA, { verifiedBy: official });
    const base = await t.post(`/api/organisations/${coop.orgId}/production-bases`, { name: '大基地', countyCode: QINGYA }, coop.token);
    // Set-based setup of 2,000 SKUs for one product: the catalog API is exercised elsewhere.
    const product = await f.product(coop, { units: 5 });
    await t.db.query(
      `WITH s AS (INSERT INTO skus (product_id, code, packing_unit_zh, net_weight_g, price_fen, stock_units)
                  SELECT $1, 'BULK-' || g, '箱', 1000, 100 + g, 10 FROM generate_series(1, 2000) g RETURNING id)
       INSERT INTO lots (sku_id, base_id, code, harvest_date, quantity_units, available_units) SELECT id, $2, 'B', '2026-09-01', 10, 10 FROM s`,
      [product.productId, base.body.id],
    );
    await t.db.query(`UPDATE products SET stock_units = stock_units + 20000 WHERE id = $1`, [product.productId]);
    const skus = await t.db.query(`SELECT id FROM skus WHERE code LIKE 'BULK-%' ORDER BY code`);
    const lines = skus.map((s: any) => ({ skuId: s.id, quantity: 3 }));
    const started = Date.now();
    const res = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines }, buyer.token);
    expect(res.status).toBe(201);
    expect(res.body.supplierOrders[0].lines).toHaveLength(2000);
    const expectedProduce = skus.length * 0 + Array.from({ length: 2000 }, (_, i) => (101 + i) * 3).reduce((a, b) => a + b, 0);
    expect(res.body.produceFen).toBe(expectedProduce);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM line_allocations a JOIN order_lines l ON l.id = a.order_line_id WHERE l.buyer_order_id = $1`, [res.body.id]);
    expect(n).toBe(2000);
    expect(Date.now() - started).toBeGreaterThan(0);
  });

  it('answers bad checkout input with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ deliverySiteId: 'x', deliveryDate: tomorrow(), paymentMethod: 'card' }, 'deliverySiteId'],
      [{ deliverySiteId: siteId, deliveryDate: '2026-02-30', paymentMethod: 'card' }, 'deliveryDate'],
      [{ deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'cash' }, 'paymentMethod'],
      [{ deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: siteId, quantity: 1.5 }] }, 'lines[0].quantity'],
      [{ deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [] }, 'lines'],
      [{ deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card', lines: [{ skuId: siteId, quantity: 1 }] }, 'lines[0].skuId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.post('/api/orders', body, buyer.token);
      expect([res.status, res.body.details?.[0]?.field]).toEqual([400, field]);
    }
    const otherSite = await f.deliverySite(await f.buyer());
    const foreign = await t.post('/api/orders', { deliverySiteId: otherSite, deliveryDate: tomorrow(), paymentMethod: 'card' }, buyer.token);
    expect([foreign.status, foreign.body.details[0].field]).toEqual([400, 'deliverySiteId']);
    expect((await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: tomorrow(), paymentMethod: 'card' }, potatoCoop.token)).status).toBe(403);
  });
});

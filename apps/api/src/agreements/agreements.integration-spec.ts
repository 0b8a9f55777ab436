import { addDays, businessDay } from '@shanhai/domain';
import { Actor, BAISHI, Fixtures, QINGYA } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

jest.setTimeout(120_000);

const today = (): string => businessDay();

describe('agreements: proposals, holds, amendments, pauses, changes, commitments, authorisation', () => {
  let t: TestApp;
  let f: Fixtures;
  let official: Actor;
  let coop: Actor;
  let otherCoop: Actor;
  let buyer: Actor;
  let siteId: string;
  let otherBuyer: Actor;

  beforeAll(async () => {
    process.env.QUEUE_PREFIX = `shanhai-test-agr-api-${process.pid}-${Date.now()}`;
    t = await TestApp.start();
    f = new Fixtures(t);
    await f.pairing();
    official = await f.official('629800');
    coop = await f.supplier(QINGYA, { verifiedBy: official });
    otherCoop = await f.supplier(BAISHI, { verifiedBy: official });
    buyer = await f.buyer('school');
    siteId = await f.deliverySite(buyer);
    otherBuyer = await f.buyer('enterprise');
  });
  afterAll(async () => {
    await t.close();
    delete process.env.QUEUE_PREFIX;
  });

  const stockOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT stock_units FROM skus WHERE id = $1`, [skuId]))[0].stock_units;
  const lotsOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT COALESCE(sum(available_units), 0)::int AS n FROM lots WHERE sku_id = $1`, [skuId]))[0].n;
  const heldOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT COALESCE(sum(quantity), 0)::int AS n FROM agreement_holds WHERE sku_id = $1`, [skuId]))[0].n;
  const orderedOf = async (skuId: string): Promise<number> =>
    (await t.db.query(`SELECT COALESCE(sum(a.quantity - a.released_quantity), 0)::int AS n FROM line_allocations a JOIN order_lines ol ON ol.id = a.order_line_id WHERE ol.sku_id = $1`, [skuId]))[0].n;

  /** Every day from tomorrow, 5 units a day for a month, by card. */
  const dailyTerms = (skuId: string, over: Record<string, unknown> = {}) => ({
    skuId,
    quantity: 5,
    price: { kind: 'fixed', unitPriceFen: 3_500 },
    schedule: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
    deliverySiteId: siteId,
    startDate: addDays(today(), 1),
    endDate: addDays(today(), 30),
    paymentMethod: 'card',
    orderDaysAhead: 3,
    noticeDays: 3,
    ...over,
  });

  async function activeAgreement(skuId: string, over: Record<string, unknown> = {}): Promise<any> {
    const proposed = await t.post('/api/agreements', dailyTerms(skuId, over), buyer.token);
    expect(proposed.status).toBe(201);
    const accepted = await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept' }, coop.token);
    expect(accepted.status).toBe(200);
    return accepted.body;
  }

  it('lets the buyer propose and the cooperative accept, then holds the next two weeks of stock out of open sale', async () => {
    const p = await f.product(coop, { units: 100, priceFen: 4_000 });
    const proposed = await t.post('/api/agreements', dailyTerms(p.skuId), buyer.token);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedSide: 'buyer', awaiting: 'supplier', pendingVersion: 1, currentVersion: null, yourSide: 'buyer' });
    expect(proposed.body.pending).toMatchObject({ version: 1, status: 'proposed', quantity: 5, price: { kind: 'fixed', unitPriceFen: 3_500 }, sku: { id: p.skuId } });
    // Nothing is held before acceptance.
    expect(await stockOf(p.skuId)).toBe(100);
    // The proposer cannot accept its own proposal.
    expect((await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept' }, buyer.token)).status).toBe(403);
    // A decision on a version that is not the pending one is refused.
    const stale = await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 2, decision: 'accept' }, coop.token);
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_MISMATCH']);

    const accepted = await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept', note: '同意' }, coop.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', currentVersion: 1, pendingVersion: null, awaiting: null, yourSide: 'supplier' });
    // Deliveries of tomorrow … today+14 (14 days × 5 units) are held from the lots.
    expect(await heldOf(p.skuId)).toBe(70);
    expect(await stockOf(p.skuId)).toBe(30);
    expect(await lotsOf(p.skuId)).toBe(30);
    expect(accepted.body.upcoming[0]).toMatchObject({ date: addDays(today(), 1), status: 'held', heldUnits: 5, quantity: 5, unitPriceFen: 3_500 });
    expect(accepted.body.progress).toMatchObject({ contractedDeliveries: 30, contractedUnits: 150, dueDeliveries: 0, orderedDeliveries: 0 });

    const calendar = await t.get(`/api/agreements/${proposed.body.id}/deliveries`, buyer.token);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toHaveLength(30);
    expect(calendar.body.filter((d: any) => d.status === 'held')).toHaveLength(14);
    expect(calendar.body[29]).toMatchObject({ date: addDays(today(), 30), status: 'scheduled', heldUnits: 0 });

    // A one-off order cannot take the held units, and is told why.
    const oneOff = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: addDays(today(), 3), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 40 }] }, buyer.token);
    expect(oneOff.status).toBe(409);
    expect(oneOff.body.code).toBe('STOCK_EXHAUSTED');
    expect(oneOff.body.message).toContain('reserved for procurement agreements');
    expect(oneOff.body.details[0]).toEqual({ field: 'lines[0].quantity', reason: expect.stringContaining('70 more units are reserved for procurement agreements') });
    expect(oneOff.body.shortages[0]).toMatchObject({ available: 30, requested: 40, heldForAgreements: 70 });
    const fits = await t.post('/api/orders', { deliverySiteId: siteId, deliveryDate: addDays(today(), 3), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 30 }] }, buyer.token);
    expect(fits.status).toBe(201);
    expect(await stockOf(p.skuId)).toBe(0);
    expect(await heldOf(p.skuId)).toBe(70);
  });

  it('races an acceptance against one-off orders for the same stock: nothing is oversold and late one-offs hear the stock is reserved', async () => {
    const p = await f.product(coop, { units: 100 });
    const proposed = await t.post('/api/agreements', dailyTerms(p.skuId), buyer.token);
    const buyers = await Promise.all(Array.from({ length: 3 }, () => f.buyer('supermarket')));
    const sites = await Promise.all(buyers.map((b) => f.deliverySite(b)));
    // 60 units of one-offs and 70 held for the agreement's next 14 days: they cannot all have them.
    const oneOffs = Array.from({ length: 6 }, (_, i) =>
      t.post('/api/orders', { deliverySiteId: sites[i % 3], deliveryDate: addDays(today(), 3), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 10 }] }, buyers[i % 3].token),
    );
    const [acceptance, ...results] = await Promise.all([t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept' }, coop.token), ...oneOffs]);
    expect(acceptance.status).toBe(200);
    const placed = results.filter((r) => r.status === 201).length;
    const refused = results.filter((r) => r.status === 409);
    expect(placed + refused.length).toBe(6);
    expect(refused.every((r) => r.body.code === 'STOCK_EXHAUSTED')).toBe(true);
    // Every unit is in exactly one place: a lot, a hold, or an order.
    expect((await stockOf(p.skuId)) + (await heldOf(p.skuId)) + (await orderedOf(p.skuId))).toBe(100);
    expect(await lotsOf(p.skuId)).toBe(await stockOf(p.skuId));
    expect(await stockOf(p.skuId)).toBeGreaterThanOrEqual(0);
    expect(await orderedOf(p.skuId)).toBe(placed * 10);
    // Whatever the interleaving, the agreement holds whole deliveries only.
    expect((await heldOf(p.skuId)) % 5).toBe(0);
    // With stock held, a one-off that cannot be served says so.
    const after = await t.post('/api/orders', { deliverySiteId: sites[0], deliveryDate: addDays(today(), 3), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: (await stockOf(p.skuId)) + 1 }] }, buyers[0].token);
    expect(after.status).toBe(409);
    expect(after.body.message).toContain('reserved for procurement agreements');
  });

  it('lets a cooperative propose to a buyer, who names its delivery site on acceptance', async () => {
    const p = await f.product(coop, { units: 200 });
    const { deliverySiteId: _omit, ...terms } = dailyTerms(p.skuId, { schedule: { kind: 'dates', dates: [addDays(today(), 5), addDays(today(), 12)] } });
    const proposed = await t.post('/api/agreements', { ...terms, buyerId: buyer.orgId }, coop.token);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ proposedSide: 'supplier', awaiting: 'buyer', pending: { deliverySite: null } });
    const noSite = await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept' }, buyer.token);
    expect([noSite.status, noSite.body.details?.[0]?.field]).toEqual([400, 'deliverySiteId']);
    const accepted = await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept', deliverySiteId: siteId }, buyer.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.current.deliverySite.id).toBe(siteId);
    expect(accepted.body.upcoming.map((d: any) => d.date)).toEqual([addDays(today(), 5), addDays(today(), 12)]);
    expect(await heldOf(p.skuId)).toBe(10);
  });

  it('keeps every version when an amendment is proposed and accepted, and re-holds stock under the new terms', async () => {
    const p = await f.product(coop, { units: 300 });
    const a = await activeAgreement(p.skuId);
    expect(await heldOf(p.skuId)).toBe(70);
    const effectiveFrom = addDays(today(), 8);
    const amended = await t.post(`/api/agreements/${a.id}/amendments`, { ...dailyTerms(p.skuId), quantity: 8, effectiveFrom, note: '加量' }, coop.token);
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ status: 'active', currentVersion: 1, pendingVersion: 2, awaiting: 'buyer' });
    const again = await t.post(`/api/agreements/${a.id}/amendments`, { ...dailyTerms(p.skuId), quantity: 9 }, buyer.token);
    expect([again.status, again.body.code]).toEqual([409, 'PROPOSAL_PENDING']);
    const accepted = await t.post(`/api/agreements/${a.id}/decision`, { version: 2, decision: 'accept' }, buyer.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.versions.map((v: any) => [v.version, v.status, v.quantity])).toEqual([
      [1, 'accepted', 5],
      [2, 'accepted', 8],
    ]);
    expect(accepted.body.versions[1]).toMatchObject({ proposedSide: 'supplier', effectiveFrom });
    const calendar = (await t.get(`/api/agreements/${a.id}/deliveries?from=${addDays(today(), 6)}&to=${addDays(today(), 9)}`, buyer.token)).body;
    expect(calendar.map((d: any) => [d.date, d.version, d.quantity])).toEqual([
      [addDays(today(), 6), 1, 5],
      [addDays(today(), 7), 1, 5],
      [addDays(today(), 8), 2, 8],
      [addDays(today(), 9), 2, 8],
    ]);
    // Days 1-7 at 5 units, days 8-14 at 8 units.
    expect(await heldOf(p.skuId)).toBe(7 * 5 + 7 * 8);
    expect(await lotsOf(p.skuId)).toBe(await stockOf(p.skuId));
    expect((await stockOf(p.skuId)) + (await heldOf(p.skuId))).toBe(300);
  });

  it('pauses under the notice terms (a break, or until resumed), releasing the held days, and resumes', async () => {
    const p = await f.product(coop, { units: 300 });
    const a = await activeAgreement(p.skuId);
    const tooSoon = await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today(), 1), until: addDays(today(), 2) }, buyer.token);
    expect([tooSoon.status, tooSoon.body.details[0].field]).toEqual([400, 'from']);
    expect(tooSoon.body.message).toContain(addDays(today(), 3));
    const brk = await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today(), 4), until: addDays(today(), 6), reason: '校运会' }, buyer.token);
    expect(brk.status).toBe(201);
    expect(brk.body.status).toBe('active');
    expect(await heldOf(p.skuId)).toBe(70 - 15);
    const overlap = await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today(), 6) }, coop.token);
    expect([overlap.status, overlap.body.code]).toEqual([409, 'PAUSE_OVERLAPS']);
    const open = await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today(), 10), reason: '寒假' }, coop.token);
    expect(open.body.status).toBe('paused');
    expect(open.body.pauses).toHaveLength(2);
    expect(await heldOf(p.skuId)).toBe((14 - 3 - 5) * 5);
    const resumed = await t.post(`/api/agreements/${a.id}/resumption`, { from: addDays(today(), 12) }, buyer.token);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('active');
    expect(resumed.body.pauses.find((x: any) => x.from === addDays(today(), 10)).until).toBe(addDays(today(), 11));
    expect(await heldOf(p.skuId)).toBe((14 - 3 - 2) * 5);
    // Released units went back to the lots they came from.
    expect((await stockOf(p.skuId)) + (await heldOf(p.skuId))).toBe(300);
    expect(await lotsOf(p.skuId)).toBe(await stockOf(p.skuId));
    const twice = await t.post(`/api/agreements/${a.id}/resumption`, {}, buyer.token);
    expect([twice.status, twice.body.code, twice.body.currentStatus]).toEqual([409, 'ILLEGAL_TRANSITION', 'active']);
  });

  it('skips at the buyer’s word, substitutes a nearby grade with the buyer’s consent, and moves the held stock accordingly', async () => {
    const p = await f.product(coop, { units: 300, nameZh: '一级土豆' });
    const grade = await f.product(coop, { units: 50, nameZh: '特级土豆' });
    const foreign = await f.product(otherCoop, { units: 50, countyCode: BAISHI });
    const a = await activeAgreement(p.skuId);
    const skip = await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 2), kind: 'skip', note: '停课' }, buyer.token);
    expect(skip.status).toBe(201);
    expect(skip.body.changes[0]).toMatchObject({ kind: 'skip', status: 'accepted', proposedSide: 'buyer' });
    expect(await heldOf(p.skuId)).toBe(65);
    const notScheduled = await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 40), kind: 'skip' }, buyer.token);
    expect([notScheduled.status, notScheduled.body.details[0].field]).toEqual([400, 'deliveryDate']);
    const wrongCoop = await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 3), kind: 'substitute', substituteSkuId: foreign.skuId }, coop.token);
    expect([wrongCoop.status, wrongCoop.body.details[0].field]).toEqual([400, 'substituteSkuId']);

    const sub = await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 3), kind: 'substitute', substituteSkuId: grade.skuId, unitPriceFen: 3_800, note: '一级缺货，特级替代' }, coop.token);
    expect(sub.status).toBe(201);
    const change = sub.body.changes.find((c: any) => c.kind === 'substitute');
    expect(change).toMatchObject({ status: 'proposed', proposedSide: 'supplier', substituteSku: { id: grade.skuId }, quantity: 5, unitPriceFen: 3_800 });
    // Not yet consented: the agreed SKU is still held for that day.
    expect(await heldOf(grade.skuId)).toBe(0);
    expect((await t.post(`/api/agreements/${a.id}/delivery-changes/${change.id}/decision`, { decision: 'accept' }, coop.token)).status).toBe(403);
    const consented = await t.post(`/api/agreements/${a.id}/delivery-changes/${change.id}/decision`, { decision: 'accept' }, buyer.token);
    expect(consented.status).toBe(200);
    expect(await heldOf(grade.skuId)).toBe(5);
    expect(await heldOf(p.skuId)).toBe(60);
    expect([(await stockOf(p.skuId)) + (await heldOf(p.skuId)), (await stockOf(grade.skuId)) + (await heldOf(grade.skuId))]).toEqual([300, 50]);
    const day3 = (await t.get(`/api/agreements/${a.id}/deliveries?from=${addDays(today(), 3)}&to=${addDays(today(), 3)}`, buyer.token)).body[0];
    expect(day3).toMatchObject({ skuId: grade.skuId, status: 'held', unitPriceFen: 3_800, change: { kind: 'substitute', status: 'accepted' } });
    const twice = await t.post(`/api/agreements/${a.id}/delivery-changes/${change.id}/decision`, { decision: 'decline' }, buyer.token);
    expect([twice.status, twice.body.currentStatus]).toEqual([409, 'accepted']);
    // A cooperative's skip waits for the buyer.
    const coopSkip = await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 4), kind: 'skip' }, coop.token);
    expect(coopSkip.body.changes.find((c: any) => c.deliveryDate === addDays(today(), 4)).status).toBe('proposed');
    expect(await heldOf(p.skuId)).toBe(60);
  });

  it('ends early under the notice terms, releasing what is held beyond the last delivery day', async () => {
    const p = await f.product(coop, { units: 300 });
    const a = await activeAgreement(p.skuId);
    const early = await t.post(`/api/agreements/${a.id}/termination`, { lastDeliveryOn: addDays(today(), 1), reason: '预算调整' }, buyer.token);
    expect([early.status, early.body.details[0].field]).toEqual([400, 'lastDeliveryOn']);
    const ended = await t.post(`/api/agreements/${a.id}/termination`, { reason: '预算调整' }, buyer.token);
    expect(ended.status).toBe(200);
    expect(ended.body.termination).toMatchObject({ lastDeliveryOn: addDays(today(), 3), side: 'buyer', reason: '预算调整' });
    expect(ended.body.endDate).toBe(addDays(today(), 3));
    expect(ended.body.progress.contractedDeliveries).toBe(3);
    expect(await heldOf(p.skuId)).toBe(15);
    expect(await stockOf(p.skuId)).toBe(285);
    const again = await t.post(`/api/agreements/${a.id}/termination`, { reason: 'x' }, coop.token);
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_TERMINATED']);
  });

  it('declines and withdraws proposals; a declined agreement holds nothing', async () => {
    const p = await f.product(coop, { units: 100 });
    const one = await t.post('/api/agreements', dailyTerms(p.skuId), buyer.token);
    const declined = await t.post(`/api/agreements/${one.body.id}/decision`, { version: 1, decision: 'decline', note: '价格太低' }, coop.token);
    expect(declined.body).toMatchObject({ status: 'declined', versions: [{ status: 'declined', decisionNote: '价格太低' }] });
    const two = await t.post('/api/agreements', dailyTerms(p.skuId), buyer.token);
    expect((await t.post(`/api/agreements/${two.body.id}/decision`, { version: 1, decision: 'withdraw' }, coop.token)).status).toBe(403);
    const withdrawn = await t.post(`/api/agreements/${two.body.id}/decision`, { version: 1, decision: 'withdraw' }, buyer.token);
    expect(withdrawn.body.status).toBe('withdrawn');
    const late = await t.post(`/api/agreements/${two.body.id}/decision`, { version: 1, decision: 'accept' }, coop.token);
    expect([late.status, late.body.code]).toEqual([409, 'NO_PENDING_PROPOSAL']);
    expect(await heldOf(p.skuId)).toBe(0);
  });

  it('refuses invoice terms without net terms, as checkout does', async () => {
    const p = await f.product(coop, { units: 100 });
    const res = await t.post('/api/agreements', dailyTerms(p.skuId, { paymentMethod: 'invoice', invoicing: 'monthly' }), buyer.token);
    expect([res.status, res.body.code, res.body.details[0].field]).toEqual([409, 'NET_TERMS_NOT_APPROVED', 'paymentMethod']);
  });

  it('answers bad input with 400 naming the field', async () => {
    const p = await f.product(coop, { units: 100, minOrderQuantity: 4, orderMultiple: 2, leadTimeDays: 3 });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ price: undefined }, 'price'],
      [{ price: { kind: 'fixed' } }, 'price.unitPriceFen'],
      [{ price: { kind: 'reference_band', basePriceFen: 4_000, bandPermille: 800 } }, 'price.bandPermille'],
      [{ price: { kind: 'auction' } }, 'price.kind'],
      [{ schedule: { kind: 'weekly', weekdays: [8] } }, 'schedule.weekdays'],
      [{ schedule: { kind: 'weekly', weekdays: [] } }, 'schedule.weekdays'],
      [{ schedule: { kind: 'dates', dates: [addDays(today(), 90)] } }, 'schedule.dates[0]'],
      [{ endDate: addDays(today(), -1) }, 'endDate'],
      [{ startDate: addDays(today(), -1) }, 'startDate'],
      [{ endDate: addDays(today(), 400) }, 'endDate'],
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ quantity: 5 }, 'quantity'],
      [{ quantity: 2 }, 'quantity'],
      [{ quantity: 1.5 }, 'quantity'],
      [{ orderDaysAhead: 1 }, 'orderDaysAhead'],
      [{ paymentMethod: 'cash' }, 'paymentMethod'],
      [{ paymentMethod: 'card', invoicing: 'monthly' }, 'invoicing'],
      [{ deliverySiteId: await f.deliverySite(otherBuyer) }, 'deliverySiteId'],
      [{ skuId: 'not-a-uuid' }, 'skuId'],
      [{ skuId: '00000000-0000-4000-8000-000000000000' }, 'skuId'],
      [{ surprise: true }, 'surprise'],
    ];
    for (const [over, field] of cases) {
      const body: Record<string, unknown> = { ...dailyTerms(p.skuId, { quantity: 6 }), ...over };
      for (const k of Object.keys(over)) if (over[k] === undefined) delete body[k];
      const res = await t.post('/api/agreements', body, buyer.token);
      expect({ over, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ over, status: 400, field });
    }
    const a = await activeAgreement(p.skuId, { quantity: 6 });
    const badPause = await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today(), 10), until: addDays(today(), 9) }, buyer.token);
    expect([badPause.status, badPause.body.details[0].field]).toEqual([400, 'until']);
    const badDecision = await t.post(`/api/agreements/${a.id}/decision`, { version: 'one', decision: 'accept' }, buyer.token);
    expect([badDecision.status, badDecision.body.details[0].field]).toEqual([400, 'version']);
    const badRange = await t.get(`/api/agreements/${a.id}/deliveries?from=${addDays(today(), 5)}&to=${addDays(today(), 1)}`, buyer.token);
    expect([badRange.status, badRange.body.details[0].field]).toEqual([400, 'to']);
    expect((await t.get('/api/agreements/not-a-uuid', buyer.token)).status).toBe(400);
  });

  it('shows an agreement only to its two parties (and the operator): everyone else gets 404, members without the role 403', async () => {
    const p = await f.product(coop, { units: 100 });
    const a = await activeAgreement(p.skuId);
    const strangerCoop = await f.supplier(QINGYA, { verifiedBy: official });
    for (const who of [otherBuyer, strangerCoop, otherCoop]) {
      expect((await t.get(`/api/agreements/${a.id}`, who.token)).status).toBe(404);
      expect((await t.get(`/api/agreements/${a.id}/deliveries`, who.token)).status).toBe(404);
      expect((await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today(), 10) }, who.token)).status).toBe(404);
      expect((await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 3), kind: 'skip' }, who.token)).status).toBe(404);
      expect((await t.get('/api/agreements', who.token)).body.items.map((x: any) => x.id)).not.toContain(a.id);
    }
    expect((await t.post(`/api/agreements/${a.id}/termination`, { reason: 'x' }, otherBuyer.token)).status).toBe(404);
    // A purchaser of the buyer reads it and may skip a delivery, but does not commit the organisation.
    const purchaser = await f.signUp('purchaser');
    await t.post(`/api/organisations/${buyer.orgId}/members`, { email: purchaser.email, role: 'buyer_purchaser' }, buyer.token);
    const purchaserToken = await f.signIn(purchaser.email);
    expect((await t.get(`/api/agreements/${a.id}`, purchaserToken)).status).toBe(200);
    expect((await t.post(`/api/agreements/${a.id}/termination`, { reason: 'x' }, purchaserToken)).status).toBe(403);
    expect((await t.post('/api/agreements', dailyTerms(p.skuId), purchaserToken)).status).toBe(403);
    expect((await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today(), 5), kind: 'skip' }, purchaserToken)).status).toBe(201);
    const op = await f.operator();
    expect((await t.get(`/api/agreements/${a.id}`, op.token)).body.yourSide).toBe('operator');
    const mine = await t.get('/api/agreements?status=active', buyer.token);
    expect(mine.body.items.map((x: any) => x.id)).toContain(a.id);
    expect(mine.body.items.every((x: any) => x.status === 'active' && x.buyer.id === buyer.orgId)).toBe(true);
    const theirs = await t.get('/api/agreements', coop.token);
    expect(theirs.body.items.find((x: any) => x.id === a.id)).toMatchObject({ supplier: { id: coop.orgId }, nextDeliveryDate: addDays(today(), 1) });
  });

  it('takes pre-harvest commitments, shows the cooperative its demand by month, and converts them into an agreement or an order', async () => {
    const p = await f.product(coop, { units: 500, netWeightG: 10_000 });
    const month = addDays(today(), 40).slice(0, 7);
    const created = await t.post('/api/commitments', { skuId: p.skuId, harvestMonth: month, quantity: 120, targetPriceFen: 3_000, deliverySiteId: siteId }, buyer.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', harvestMonth: month, quantity: 120, supplier: { id: coop.orgId }, buyer: { id: buyer.orgId } });
    const second = await t.post('/api/commitments', { skuId: p.skuId, harvestMonth: month, quantity: 30 }, otherBuyer.token);
    expect(second.status).toBe(201);
    const past = await t.post('/api/commitments', { skuId: p.skuId, harvestMonth: '2020-01', quantity: 30 }, buyer.token);
    expect([past.status, past.body.details[0].field]).toEqual([400, 'harvestMonth']);
    const badMonth = await t.post('/api/commitments', { skuId: p.skuId, harvestMonth: '2026-13', quantity: 30 }, buyer.token);
    expect([badMonth.status, badMonth.body.details[0].field]).toEqual([400, 'harvestMonth']);

    expect((await t.get(`/api/commitments/${created.body.id}`, otherBuyer.token)).status).toBe(404);
    expect((await t.post(`/api/commitments/${created.body.id}/decision`, { decision: 'acknowledge' }, otherCoop.token)).status).toBe(404);
    const ack = await t.post(`/api/commitments/${created.body.id}/decision`, { decision: 'acknowledge', note: '已安排种植' }, coop.token);
    expect(ack.body).toMatchObject({ status: 'acknowledged' });

    const demand = await t.get(`/api/suppliers/${coop.orgId}/commitment-demand?from=${month}&to=${month}`, coop.token);
    expect(demand.status).toBe(200);
    expect(demand.body.months).toEqual([
      expect.objectContaining({ month, committedUnits: 150, committedWeightG: 1_500_000, convertedUnits: 0, products: [expect.objectContaining({ productId: p.productId, buyers: 2, commitments: 2 })] }),
    ]);
    expect((await t.get(`/api/suppliers/${coop.orgId}/commitment-demand`, otherCoop.token)).status).toBe(404);
    expect((await t.get(`/api/commitments`, coop.token)).body.items.map((c: any) => c.id)).toEqual(expect.arrayContaining([created.body.id, second.body.id]));

    // The harvest comes: the cooperative proposes an agreement from the commitment; the buyer declines, and the demand stands again.
    const terms = { ...dailyTerms(p.skuId), deliverySiteId: undefined };
    delete (terms as Record<string, unknown>).deliverySiteId;
    const proposal = await t.post(`/api/commitments/${created.body.id}/agreement`, terms, coop.token);
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({ commitmentId: created.body.id, proposedSide: 'supplier', buyer: { id: buyer.orgId } });
    expect((await t.get(`/api/commitments/${created.body.id}`, buyer.token)).body).toMatchObject({ status: 'converted', agreementId: proposal.body.id });
    await t.post(`/api/agreements/${proposal.body.id}/decision`, { version: 1, decision: 'decline' }, buyer.token);
    expect((await t.get(`/api/commitments/${created.body.id}`, buyer.token)).body).toMatchObject({ status: 'acknowledged', agreementId: null });

    // Or the buyer orders it once, through ordinary checkout.
    const order = await t.post(`/api/commitments/${created.body.id}/order`, { deliverySiteId: siteId, deliveryDate: addDays(today(), 5), paymentMethod: 'card' }, buyer.token);
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: 'awaiting_payment', supplierOrders: [{ lines: [{ skuId: p.skuId, quantity: 120 }] }] });
    expect((await t.get(`/api/commitments/${created.body.id}`, buyer.token)).body).toMatchObject({ status: 'converted', buyerOrderId: order.body.id });
    const twice = await t.post(`/api/commitments/${created.body.id}/order`, { deliverySiteId: siteId, deliveryDate: addDays(today(), 5), paymentMethod: 'card' }, buyer.token);
    expect([twice.status, twice.body.currentStatus]).toEqual([409, 'converted']);
    // An order that cannot be placed leaves the commitment as it was.
    const tooSoon = await t.post(`/api/commitments/${second.body.id}/order`, { deliverySiteId: await f.deliverySite(otherBuyer), deliveryDate: today(), paymentMethod: 'card' }, otherBuyer.token);
    expect([tooSoon.status, tooSoon.body.details[0].field]).toEqual([400, 'deliveryDate']);
    expect((await t.get(`/api/commitments/${second.body.id}`, otherBuyer.token)).body.status).toBe('open');
    const cancelled = await t.post(`/api/commitments/${second.body.id}/cancellation`, { reason: '改为订单式采购' }, otherBuyer.token);
    expect(cancelled.body.status).toBe('cancelled');
    const demandAfter = (await t.get(`/api/suppliers/${coop.orgId}/commitment-demand?from=${month}&to=${month}`, coop.token)).body;
    expect(demandAfter.months[0]).toMatchObject({ committedUnits: 0, convertedUnits: 120 });
  });
});

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { addDays, businessDay, progressBasisPoints, projectYearEndFen } from '@shanhai/domain';
import { StatisticsDrainRepository } from '@shanhai/persistence';
import { Actor, EAST_CITY } from '../../../../test/support/fixtures';
import { buyerWithSite, deliveryDay, market, Market, PaymentsHarness, until } from '../../../../test/support/payments-harness';

jest.setTimeout(180_000);

describe('statistics API: totals, drill-down, export, targets, reserved share — for officials, scoped', () => {
  let h: PaymentsHarness;
  let m: Market;
  let school: Actor & { siteId: string };
  let firm: Actor & { siteId: string };
  let eastOfficial: Actor;
  let otherOfficial: Actor;
  let operator: Actor;
  let potato: { skuId: string; productId: string };
  let apple: { skuId: string; productId: string };
  const orders: any[] = [];
  const today = businessDay();
  const month = today.slice(0, 7);
  const monthStart = `${month}-01`;
  const monthEnd = addDays(`${addDays(monthStart, 32).slice(0, 7)}-01`, -1);
  const year = today.slice(0, 4);

  const orderOf = async (buyer: Actor, id: string) => (await h.t.get(`/api/orders/${id}`, buyer.token)).body;
  const paidOrder = async (buyer: Actor & { siteId: string }, potatoUnits: number, appleUnits: number) => {
    const placed = await h.t.post(
      '/api/orders',
      { deliverySiteId: buyer.siteId, deliveryDate: deliveryDay(), paymentMethod: 'card', lines: [{ skuId: potato.skuId, quantity: potatoUnits }, { skuId: apple.skuId, quantity: appleUnits }].filter((l) => l.quantity > 0) },
      buyer.token,
    );
    const session = await h.t.post(`/api/orders/${placed.body.id}/payment`, {}, buyer.token);
    await h.pay(session.body.sessionId);
    return until(() => orderOf(buyer, placed.body.id), (o) => o.status === 'open');
  };
  const complete = async (buyer: Actor, order: any) => {
    for (const so of order.supplierOrders) {
      const coop = so.supplierId === m.potatoCoop.orgId ? m.potatoCoop : m.appleCoop;
      await h.t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: so.lines.map((l: any) => ({ lineId: l.id, decision: 'accept' })) }, coop.token);
      await h.t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: 'EMS', trackingNo: `E${so.id.slice(0, 6)}`, shippedOn: businessDay() }, coop.token);
      await h.t.post(`/api/supplier-orders/${so.id}/receipt`, { lines: so.lines.map((l: any) => ({ lineId: l.id, acceptedQuantity: l.quantity, shortQuantity: 0, damagedQuantity: 0 })) }, buyer.token);
      await h.t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 4 }, buyer.token);
    }
    return until(() => orderOf(buyer, order.id), (o) => o.status === 'completed');
  };
  const lineFen = (order: any, supplierId: string) => order.supplierOrders.filter((s: any) => s.supplierId === supplierId).flatMap((s: any) => s.lines).reduce((a: number, l: any) => a + l.lineFen, 0);
  const totals = (token: string, params: Record<string, string>) => h.t.get(`/api/stats/totals?${new URLSearchParams(params)}`, token);

  beforeAll(async () => {
    h = await PaymentsHarness.start('stats-api');
    m = await market(h.f);
    operator = await h.f.operator();
    school = await buyerWithSite(h.f, 'school');
    firm = await buyerWithSite(h.f, 'enterprise');
    eastOfficial = await h.f.official(EAST_CITY);
    otherOfficial = await h.f.official('440300');
    potato = await h.f.product(m.potatoCoop, { priceFen: 3_337, priceTiers: [], units: 100_000 });
    apple = await h.f.product(m.appleCoop, { priceFen: 9_899, priceTiers: [], units: 100_000, countyCode: '629802', categoryCode: 'fruit' });
    await h.f.certify(m.potatoCoop, m.official, potato.productId);
    for (const [coop, households] of [[m.potatoCoop, { householdsLifted: 30, householdsMonitored: 8, householdsAtRisk: 2 }], [m.appleCoop, { householdsLifted: 12, householdsMonitored: 0, householdsAtRisk: 1 }]] as const) {
      const res = await h.t.call('PATCH', `/api/organisations/${coop.orgId}`, { body: households, token: coop.token });
      if (res.status !== 200) throw new Error(`households: ${res.status} ${JSON.stringify(res.body)}`);
    }
    orders.push(await paidOrder(school, 7, 3), await paidOrder(firm, 11, 1), await paidOrder(school, 2, 2));
    orders[0] = await complete(school, orders[0]);
    await new StatisticsDrainRepository(h.t.db).drain();
  });
  afterAll(() => h.close());

  it('gives the western and the eastern official the same totals, grouped by county, category, buyer type and month, exact to the fen', async () => {
    const salesFen = orders.reduce((a, o) => a + o.produceFen, 0);
    const west = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplierCounty' });
    expect(west.status).toBe(200);
    expect(west.body).toMatchObject({ currency: 'CNY', figure: 'sales', groupBy: 'supplierCounty', source: 'monthly', jurisdiction: { side: 'west', divisionCode: '629800' } });
    expect(west.body.total).toEqual({ grossFen: salesFen, refundFen: 0, netFen: salesFen, lines: 6 });
    expect(west.body.rows.map((r: any) => [r.key, r.netFen, r.lines]).sort()).toEqual(
      [
        ['629801', orders.reduce((a, o) => a + lineFen(o, m.potatoCoop.orgId), 0), 3],
        ['629802', orders.reduce((a, o) => a + lineFen(o, m.appleCoop.orgId), 0), 3],
      ].sort(),
    );
    expect(west.body.rows.find((r: any) => r.key === '629801').label).toBe('青崖县');

    const east = await totals(eastOfficial.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'category' });
    expect(east.body.jurisdiction.side).toBe('east');
    expect(east.body.total).toEqual(west.body.total);
    expect(east.body.rows.map((r: any) => r.labelEn).sort()).toEqual(['Fruit', 'Potatoes and tubers']);

    const byType = await totals(eastOfficial.token, { from: `${year}-01-01`, to: `${year}-12-31`, figure: 'sales', groupBy: 'buyerType' });
    expect(Object.fromEntries(byType.body.rows.map((r: any) => [r.key, r.netFen]))).toEqual({ school: orders[0].produceFen + orders[2].produceFen, enterprise: orders[1].produceFen });

    // counted: only the completed order, on its completion day.
    const counted = await totals(m.official.token, { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'month' });
    expect(counted.body.rows).toEqual([expect.objectContaining({ key: month, netFen: orders[0].produceFen, lines: 2 })]);
    const certified = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'certified' });
    expect(Object.fromEntries(certified.body.rows.map((r: any) => [r.key, r.netFen]))).toEqual({
      true: orders.reduce((a, o) => a + lineFen(o, m.potatoCoop.orgId), 0),
      false: orders.reduce((a, o) => a + lineFen(o, m.appleCoop.orgId), 0),
    });
  });

  it('answers the same from the monthly grains, the daily roll-up and the days summed, and with filters', async () => {
    const monthly = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'category' });
    const partial = await totals(m.official.token, { from: addDays(monthStart, -3), to: addDays(monthEnd, 2), figure: 'sales', groupBy: 'category' });
    const daily = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'day' });
    expect([monthly.body.source, partial.body.source, daily.body.source]).toEqual(['monthly', 'monthly+daily', 'daily']);
    expect(partial.body.rows).toEqual(monthly.body.rows);
    expect(daily.body.total).toEqual(monthly.body.total);
    // Two non-place dimensions at once are answered by the daily roll-up.
    const filtered = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'category', buyerType: 'school' });
    expect(filtered.body.source).toBe('daily');
    expect(filtered.body.total.netFen).toBe(orders[0].produceFen + orders[2].produceFen);
    const oneCounty = await totals(eastOfficial.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'buyerType', supplierCounty: '629802' });
    expect(oneCounty.body.total.netFen).toBe(orders.reduce((a, o) => a + lineFen(o, m.appleCoop.orgId), 0));
  });

  it('keeps each official to their jurisdiction and everyone else out', async () => {
    const far = await totals(otherOfficial.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'month' });
    expect(far.body.total.netFen).toBe(0);
    const borrowed = await totals(otherOfficial.token, { from: monthStart, to: monthEnd, jurisdictionId: m.official.orgId });
    expect(borrowed.status).toBe(404);
    for (const token of [school.token, m.potatoCoop.token]) expect((await totals(token, { from: monthStart, to: monthEnd })).status).toBe(403);
    expect((await h.t.get(`/api/stats/totals?from=${monthStart}&to=${monthEnd}`)).status).toBe(401);
    const all = await totals(operator.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'pairing' });
    expect(all.body.jurisdiction).toBeNull();
    expect(all.body.rows).toEqual([expect.objectContaining({ label: '东澜—云岭', netFen: orders.reduce((a, o) => a + o.produceFen, 0) })]);
    expect((await h.t.get(`/api/stats/orders/${orders[1].id}`, otherOfficial.token)).status).toBe(404);

    // A cooperative sees its own lines only, through its own route.
    const own = await h.t.get(`/api/suppliers/${m.potatoCoop.orgId}/stats/totals?from=${monthStart}&to=${monthEnd}&figure=sales&groupBy=month`, m.potatoCoop.token);
    expect(own.status).toBe(200);
    expect(own.body.total.netFen).toBe(orders.reduce((a, o) => a + lineFen(o, m.potatoCoop.orgId), 0));
    expect((await h.t.get(`/api/suppliers/${m.potatoCoop.orgId}/stats/totals?from=${monthStart}&to=${monthEnd}`, m.appleCoop.token)).status).toBe(404);
  });

  it('counts the households reached once per cooperative that sold, as its records say, and carries them into the export', async () => {
    const bySupplier = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplier', limit: '1' });
    expect(bySupplier.status).toBe(200);
    // Both cooperatives sold: 30 + 8 + 2 and 12 + 0 + 1 households, whatever the row limit.
    expect(bySupplier.body.reach).toEqual({ cooperatives: 2, householdsReached: 53 });
    expect(bySupplier.body.rows).toHaveLength(1);
    const top = bySupplier.body.rows[0];
    expect(top.householdsReached).toBe(top.key === m.potatoCoop.orgId ? 40 : 13);
    // Counted: only the completed order, which both cooperatives delivered.
    const counted = await totals(eastOfficial.token, { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'supplier' });
    expect(counted.body.reach).toEqual({ cooperatives: 2, householdsReached: 53 });
    // A category with one cooperative reaches its households only; other groupings carry no reach.
    const fruit = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplier', supplierCounty: '629802' });
    expect(fruit.body.reach).toEqual({ cooperatives: 1, householdsReached: 13 });
    expect((await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'month' })).body.reach).toBeNull();
    // Declaring more households later does not change what past records reached.
    await h.t.call('PATCH', `/api/organisations/${m.appleCoop.orgId}`, { body: { householdsLifted: 500 }, token: m.appleCoop.token });
    expect((await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplier' })).body.reach.householdsReached).toBe(53);
    // Nobody sold in another year.
    expect((await totals(m.official.token, { from: '2020-01-01', to: '2020-12-31', figure: 'sales', groupBy: 'supplier' })).body.reach).toEqual({ cooperatives: 0, householdsReached: 0 });

    const csv = await h.t.get(`/api/stats/export?${new URLSearchParams({ from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplier', format: 'csv' })}`, m.official.token);
    const rows: string[][] = parse((csv.body as string).replace(/^\uFEFF/, ''));
    expect(rows[0][8]).toContain('households');
    expect(rows.at(-1)?.[8]).toBe('53');
  });

  it('gives a cooperative the drill-down and export of its own figures, and nobody else', async () => {
    const base = `/api/suppliers/${m.potatoCoop.orgId}/stats`;
    const params = new URLSearchParams({ from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'month' });
    const own = (await h.t.get(`${base}/totals?${params}`, m.potatoCoop.token)).body;
    const lines = await h.t.get(`${base}/lines?${params}&key=${month}&pageSize=200`, m.potatoCoop.token);
    expect(lines.status).toBe(200);
    expect(lines.body.total.netFen).toBe(own.total.netFen);
    expect(lines.body.items.reduce((a: number, i: any) => a + i.netFen, 0)).toBe(own.total.netFen);
    expect(lines.body.items.every((i: any) => i.supplierId === m.potatoCoop.orgId)).toBe(true);
    // A filter naming another cooperative cannot widen it: still only its own lines (none of the other's).
    const widened = await h.t.get(`${base}/lines?${params}&supplier=${m.appleCoop.orgId}`, m.potatoCoop.token);
    expect(widened.body.items.every((i: any) => i.supplierId === m.potatoCoop.orgId)).toBe(true);
    const csv = await h.t.get(`${base}/export?${params}&format=csv`, m.potatoCoop.token);
    expect(csv.status).toBe(200);
    const rows: string[][] = parse((csv.body as string).replace(/^\uFEFF/, ''));
    expect(rows.at(-1)?.slice(0, 1).concat(rows.at(-1)?.[5] ?? '')).toEqual(['total', String(own.total.netFen)]);
    for (const route of [`${base}/lines?${params}`, `${base}/export?${params}&format=csv`]) {
      expect((await h.t.get(route, m.appleCoop.token)).status).toBe(404);
      expect((await h.t.get(route, school.token)).status).toBe(403);
    }
    const badKey = await h.t.get(`${base}/lines?${params}&key=2026-13`, m.potatoCoop.token);
    expect([badKey.status, JSON.stringify(badKey.body).includes('key')]).toEqual([400, true]);
  });

  it('drills down from a row to the order lines behind it, whose sum is the row, with the order behind each', async () => {
    const table = await totals(m.official.token, { from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplierCounty' });
    for (const row of table.body.rows) {
      const items: any[] = [];
      for (let page = 1; ; page++) {
        const res = await h.t.get(`/api/stats/lines?${new URLSearchParams({ from: monthStart, to: monthEnd, figure: 'sales', groupBy: 'supplierCounty', key: row.key, page: String(page), pageSize: '2' })}`, m.official.token);
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        expect(res.body.total.netFen).toBe(row.netFen);
        if (res.body.items.length < 2) break;
      }
      expect(items.reduce((a, i) => a + i.netFen, 0)).toBe(row.netFen);
      expect(items.every((i) => i.supplierCountyCode === row.key && orders.some((o) => o.number === i.orderNumber))).toBe(true);
    }
    const order = await h.t.get(`/api/stats/orders/${orders[0].id}`, eastOfficial.token);
    expect(order.status).toBe(200);
    expect([order.body.number, order.body.sales.total.netFen, order.body.counted.total.netFen]).toEqual([orders[0].number, orders[0].produceFen, orders[0].produceFen]);
  });

  it('exports the same table as CSV and XLSX, the same numbers as the screen', async () => {
    const params = { from: `${year}-01-01`, to: `${year}-12-31`, figure: 'sales', groupBy: 'category' };
    const screen = (await totals(eastOfficial.token, params)).body;
    const csv = await h.t.get(`/api/stats/export?${new URLSearchParams({ ...params, format: 'csv' })}`, eastOfficial.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = csv.body as string;
    const rows: string[][] = parse(text.replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => [r[0], Number(r[5]), Number(r[7])])).toEqual([...screen.rows.map((r: any) => [r.key, r.netFen, r.lines]), ['total', screen.total.netFen, screen.total.lines]]);

    const xlsx = await fetch(`${h.t.baseUrl}/api/stats/export?${new URLSearchParams({ ...params, format: 'xlsx' })}`, { headers: { authorization: `Bearer ${eastOfficial.token}` } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const sheetRows: Array<[string, number]> = [];
    sheet.eachRow((row, n) => n > 1 && sheetRows.push([String(row.getCell(1).value), Number(row.getCell(6).value)]));
    expect(sheetRows).toEqual([...screen.rows.map((r: any) => [r.key, r.netFen]), ['total', screen.total.netFen]]);
  });

  it('reproduces a report "as of" a day: what was recorded later is left out until then', async () => {
    const late = await paidOrder(firm, 5, 0);
    await new StatisticsDrainRepository(h.t.db).drain({ recordedOn: addDays(today, 1) });
    const now = await totals(m.official.token, { from: monthStart, to: addDays(today, 1), figure: 'sales', groupBy: 'day' });
    const asOfToday = await totals(m.official.token, { from: monthStart, to: addDays(today, 1), figure: 'sales', groupBy: 'day', asOf: today });
    const asOfTomorrow = await totals(m.official.token, { from: monthStart, to: addDays(today, 1), figure: 'sales', groupBy: 'day', asOf: addDays(today, 1) });
    expect(now.body.total.netFen - asOfToday.body.total.netFen).toBe(late.produceFen);
    expect(asOfTomorrow.body.total).toEqual(now.body.total);
    expect(asOfToday.body.asOf).toBe(today);
  });

  it('sets a yearly target and reports progress with the run-rate projection', async () => {
    const set = await h.t.call('PUT', '/api/stats/targets', { body: { year: Number(year), figure: 'counted', amountFen: 1_000_000 }, token: m.official.token });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ jurisdictionId: m.official.orgId, amountFen: 1_000_000 });
    const progress = await h.t.get(`/api/stats/progress?year=${year}&figure=counted`, m.official.token);
    expect(progress.body).toMatchObject({
      netFen: orders[0].produceFen,
      targetFen: 1_000_000,
      asOf: today,
      progressBasisPoints: progressBasisPoints(orders[0].produceFen, 1_000_000),
      projectedYearEndFen: projectYearEndFen(orders[0].produceFen, today),
    });
    expect((await h.t.call('PUT', '/api/stats/targets', { body: { year: Number(year), figure: 'counted', amountFen: 1_000_000 }, token: operator.token })).status).toBe(403);
    const bad = await h.t.call('PUT', '/api/stats/targets', { body: { year: Number(year), figure: 'counted', amountFen: 12.5 }, token: m.official.token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('amountFen');
  });

  it('takes reserved-share filings from public buyers and shows their progress to them and to the eastern official', async () => {
    const low = await h.t.call('PUT', `/api/reserved-share/${year}`, { body: { organisationId: school.orgId, kind: 'own_canteen', canteenBudgetFen: 50_000_000, sharePermille: 50 }, token: school.token });
    expect(low.status).toBe(400);
    expect(low.body.problems?.[0]?.field ?? JSON.stringify(low.body)).toContain('sharePermille');
    const filed = await h.t.call('PUT', `/api/reserved-share/${year}`, { body: { organisationId: school.orgId, kind: 'own_canteen', canteenBudgetFen: 50_000_000, sharePermille: 150 }, token: school.token });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ kind: 'own_canteen', reservedFen: 7_500_000, canteenCountedFen: orders[0].produceFen, progressBasisPoints: progressBasisPoints(orders[0].produceFen, 7_500_000) });
    const enterprise = await h.t.call('PUT', `/api/reserved-share/${year}`, { body: { organisationId: firm.orgId, kind: 'no_canteen' }, token: firm.token });
    expect(enterprise.status).toBe(409);
    const notMine = await h.t.call('PUT', `/api/reserved-share/${year}`, { body: { organisationId: school.orgId, kind: 'no_canteen' }, token: firm.token });
    expect(notMine.status).toBe(403);

    const list = await h.t.get(`/api/reserved-share/${year}`, eastOfficial.token);
    expect(list.status).toBe(200);
    expect(list.body.buyers.map((b: any) => [b.organisationId, b.kind])).toEqual([[school.orgId, 'own_canteen']]);
    expect(list.body.summary).toMatchObject({ buyers: 1, filed: 1, reservedFen: 7_500_000, countedFen: orders[0].produceFen });
    expect((await h.t.get(`/api/reserved-share/${year}`, school.token)).status).toBe(403);
  });

  it('answers bad questions with 400 naming the field', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ from: monthStart, to: monthEnd, groupBy: 'colour' }, 'groupBy'],
      [{ from: monthEnd, to: monthStart }, 'to'],
      [{ from: '2026-02-30', to: monthEnd }, 'from'],
      [{ from: monthStart, to: monthEnd, figure: 'profit' }, 'figure'],
      [{ from: monthStart, to: monthEnd, supplierCounty: '62980' }, 'supplierCounty'],
      [{ from: monthStart, to: monthEnd, asOf: 'yesterday' }, 'asOf'],
    ];
    for (const [params, field] of cases) {
      const res = await totals(m.official.token, params);
      expect([res.status, JSON.stringify(res.body).includes(field)]).toEqual([400, true]);
    }
    const key = await h.t.get(`/api/stats/lines?from=${monthStart}&to=${monthEnd}&groupBy=month&key=2026-13`, m.official.token);
    expect([key.status, JSON.stringify(key.body).includes('key')]).toEqual([400, true]);
  });

  it('lets the operator run a recomputation through the worker and read its report; the queue dashboard is for operators only', async () => {
    const asked = await h.t.post('/api/admin/statistics/recompute', { from: monthStart, to: today }, operator.token);
    expect(asked.status).toBe(201);
    const run = await until(() => h.t.get(`/api/admin/statistics/recompute/${asked.body.id}`, operator.token), (r) => r.body.status === 'done' || r.body.status === 'failed', 60_000);
    expect(run.body).toMatchObject({ status: 'done', differencesCount: 0, repairedRecords: 0, progress: null });
    expect(run.body.factsCompared).toBeGreaterThan(0);
    expect((await h.t.post('/api/admin/statistics/recompute', { from: monthStart, to: today }, m.official.token)).status).toBe(403);

    const anonymous = await fetch(`${h.t.baseUrl}/api/admin/queues/`, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    const buyer = await fetch(`${h.t.baseUrl}/api/admin/queues/?token=${school.token}`, { redirect: 'manual' });
    expect(buyer.status).toBe(403);
    const entry = await fetch(`${h.t.baseUrl}/api/admin/queues?token=${operator.token}`, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    const cookie = entry.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    const page = await fetch(`${h.t.baseUrl}/api/admin/queues/`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Shanhai queues');
    const api = await fetch(`${h.t.baseUrl}/api/admin/queues/api/queues`, { headers: { cookie: cookie.split(';')[0] } });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('statistics');
  });
});

import { Job } from 'bullmq';
import { businessDay } from '@shanhai/domain';
import { OutboxRepository, QUEUES, StatisticsDrainRepository, StatisticsJob, StatisticsRecomputeRepository } from '@shanhai/persistence';
import { Actor } from '../../../../test/support/fixtures';
import { buyerWithSite, deliveryDay, market, Market, PaymentsHarness, until } from '../../../../test/support/payments-harness';
import { StatisticsProcessor } from './statistics.processor';
import { StatisticsRecomputeService } from './statistics-recompute.service';

jest.setTimeout(180_000);

describe('worker: the outbox drained into the statistics, exactly once', () => {
  let h: PaymentsHarness;
  let m: Market;
  let buyer: Actor & { siteId: string };
  let potato: { skuId: string; productId: string };
  let apple: { skuId: string; productId: string };
  let drainer: StatisticsDrainRepository;

  beforeAll(async () => {
    h = await PaymentsHarness.start('statistics');
    m = await market(h.f);
    buyer = await buyerWithSite(h.f);
    potato = await h.f.product(m.potatoCoop, { priceFen: 3_337, priceTiers: [], units: 100_000 });
    apple = await h.f.product(m.appleCoop, { priceFen: 9_899, priceTiers: [], units: 100_000, countyCode: '629802' });
    await h.f.certify(m.potatoCoop, m.official, potato.productId);
    drainer = new StatisticsDrainRepository(h.t.db);
  });
  afterAll(async () => {
    await h.queue(QUEUES.statistics).obliterate({ force: true }).catch(() => undefined);
    await h.close();
  });

  const orderOf = async (id: string) => (await h.t.get(`/api/orders/${id}`, buyer.token)).body;
  const paidOrder = async (potatoUnits = 7, appleUnits = 3) => {
    const placed = await h.t.post(
      '/api/orders',
      { deliverySiteId: buyer.siteId, deliveryDate: deliveryDay(), paymentMethod: 'card', lines: [{ skuId: potato.skuId, quantity: potatoUnits }, { skuId: apple.skuId, quantity: appleUnits }] },
      buyer.token,
    );
    expect(placed.status).toBe(201);
    const session = await h.t.post(`/api/orders/${placed.body.id}/payment`, {}, buyer.token);
    await h.pay(session.body.sessionId);
    return until(() => orderOf(placed.body.id), (o) => o.status === 'open');
  };
  /** Both cooperatives accept and ship; the buyer receives (short on the first line if asked) and evaluates. */
  const complete = async (order: any, shortOnPotato = 0) => {
    for (const so of order.supplierOrders) {
      const coop = so.supplierId === m.potatoCoop.orgId ? m.potatoCoop : m.appleCoop;
      expect((await h.t.post(`/api/supplier-orders/${so.id}/decisions`, { lines: so.lines.map((l: any) => ({ lineId: l.id, decision: 'accept' })) }, coop.token)).status).toBeLessThan(300);
      expect((await h.t.post(`/api/supplier-orders/${so.id}/shipment`, { carrier: '顺丰速运', trackingNo: `SF${so.id.slice(0, 8)}`, shippedOn: businessDay() }, coop.token)).status).toBeLessThan(300);
      const lines = so.lines.map((l: any) => {
        const short = so.supplierId === m.potatoCoop.orgId ? shortOnPotato : 0;
        return { lineId: l.id, acceptedQuantity: l.quantity - short, shortQuantity: short, damagedQuantity: 0 };
      });
      expect((await h.t.post(`/api/supplier-orders/${so.id}/receipt`, { lines }, buyer.token)).status).toBeLessThan(300);
      expect((await h.t.post(`/api/supplier-orders/${so.id}/evaluation`, { rating: 5 }, buyer.token)).status).toBeLessThan(300);
    }
    return until(() => orderOf(order.id), (o) => o.status === 'completed');
  };
  const recordsOf = (orderId: string) =>
    h.t.db.query(
      `SELECT figure, kind, gross_fen::int AS gross, refund_fen::int AS refund, net_fen::int AS net, lines, certified, supplier_county_code AS county, buyer_city_code AS city, buyer_type, pairing_id IS NOT NULL AS paired
         FROM stat_attributions WHERE buyer_order_id = $1 ORDER BY figure, kind, gross_fen DESC, refund_fen`,
      [orderId],
    );
  const totals = async () =>
    (await h.t.db.query(`SELECT figure, sum(net_fen)::int AS net, sum(lines)::int AS lines FROM stat_attributions GROUP BY figure ORDER BY figure`)) as Array<{ figure: string; net: number; lines: number }>;
  const rollupsAgree = async () => {
    const [r] = await h.t.db.query(
      `SELECT (SELECT COALESCE(sum(net_fen), 0) FROM stat_attributions)::bigint AS records,
              (SELECT COALESCE(sum(net_fen), 0) FROM stat_daily)::bigint AS daily,
              (SELECT COALESCE(sum(net_fen), 0) FROM stat_monthly WHERE grain = 0)::bigint AS monthly,
              (SELECT COALESCE(sum(net_fen), 0) FROM stat_monthly WHERE grain = 2)::bigint AS by_category`,
    );
    expect(new Set([r.records, r.daily, r.monthly, r.by_category]).size).toBe(1);
  };

  it('books a paid order in sales per line with its dimensions, and a completed one in counted with the shortfall netted or booked after', async () => {
    const order = await paidOrder();
    await drainer.drain();
    const [appleLine, potatoLine] = [order.supplierOrders.find((s: any) => s.supplierId === m.appleCoop.orgId).lines[0], order.supplierOrders.find((s: any) => s.supplierId === m.potatoCoop.orgId).lines[0]];
    expect(await recordsOf(order.id)).toEqual([
      { figure: 'sales', kind: 'sale', gross: appleLine.lineFen, refund: 0, net: appleLine.lineFen, lines: 1, certified: false, county: '629802', city: '339800', buyer_type: 'school', paired: true },
      { figure: 'sales', kind: 'sale', gross: potatoLine.lineFen, refund: 0, net: potatoLine.lineFen, lines: 1, certified: true, county: '629801', city: '339800', buyer_type: 'school', paired: true },
    ]);

    // One potato unit short: the claim is refunded (possibly before completion, possibly after).
    const completed = await complete(order, 1);
    await until(() => h.count(`SELECT 1 FROM claims WHERE buyer_order_id = $1 AND status = 'refunded'`, [order.id]), (n) => n === 1);
    await drainer.drain();
    const records = await recordsOf(order.id);
    const counted = records.filter((r: any) => r.figure === 'counted');
    const sales = records.filter((r: any) => r.figure === 'sales');
    // Net per figure: paid − refunded, whichever side of the counting moment the refund fell on.
    expect(sales.reduce((a: number, r: any) => a + r.net, 0)).toBe(completed.produceFen - 3_337);
    expect(counted.reduce((a: number, r: any) => a + r.net, 0)).toBe(completed.produceFen - 3_337);
    expect(counted.filter((r: any) => r.kind === 'completion')).toHaveLength(2);
    await rollupsAgree();
  });

  it('applies each event once when drains run concurrently, are repeated, and the outbox holds a duplicate', async () => {
    const orders = [await paidOrder(2, 1), await paidOrder(4, 2), await paidOrder(6, 3)];
    // A duplicated event (a replay) must not count again.
    await h.t.db.query(`INSERT INTO outbox_events (type, aggregate_id, business_day, payload, tx_id) SELECT type, aggregate_id, business_day, payload, pg_current_xact_id()::text::bigint FROM outbox_events WHERE aggregate_id = $1 AND type = 'order.paid'`, [orders[0].id]);
    const results = await Promise.all([1, 2, 3, 4].map(() => new StatisticsDrainRepository(h.t.db).drain({ batchSize: 1 })));
    expect(results.reduce((a, r) => a + r.events, 0)).toBeGreaterThanOrEqual(4);
    expect((await drainer.drain()).events).toBe(0);
    for (const o of orders) {
      const sales = (await recordsOf(o.id)).filter((r: any) => r.figure === 'sales');
      expect(sales).toHaveLength(2);
      expect(sales.reduce((a: number, r: any) => a + r.net, 0)).toBe(o.produceFen);
    }
    const [unapplied] = await h.t.db.query(`SELECT count(*)::int AS n FROM outbox_events e WHERE NOT EXISTS (SELECT 1 FROM stat_event_ledger l WHERE l.event_id = e.id)`);
    expect(unapplied.n).toBe(0);
    await rollupsAgree();
  });

  it('leaves nothing behind when the worker dies mid-batch, and applies the batch once on the next run', async () => {
    const before = await totals();
    const order = await paidOrder(5, 5);
    const mark = await h.t.db.query(`SELECT last_tx_id, last_event_id FROM stat_watermarks`);
    await expect(drainer.drain({ beforeCommit: async () => Promise.reject(new Error('killed')) })).rejects.toThrow('killed');
    expect(await recordsOf(order.id)).toEqual([]);
    expect(await h.t.db.query(`SELECT last_tx_id, last_event_id FROM stat_watermarks`)).toEqual(mark);
    expect(await totals()).toEqual(before);
    await drainer.drain();
    expect((await recordsOf(order.id)).reduce((a: number, r: any) => a + r.net, 0)).toBe(order.produceFen);
  });

  it('waits for an older transaction still open instead of moving past its event', async () => {
    const runner = h.t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // A slow transaction takes its id first and writes its event late.
    await runner.query(`SELECT pg_current_xact_id()`);
    const slow = await paidOrder(1, 1);
    await new OutboxRepository().add(runner.manager, { type: 'order.paid', aggregateId: slow.id, businessDay: businessDay(), payload: { buyerOrderId: slow.id, replay: true } });
    const quick = await paidOrder(3, 1);
    await drainer.drain();
    // The quick order committed later than the slow transaction began: it waits too, so nothing can slip behind the mark.
    expect(await recordsOf(quick.id)).toEqual([]);
    await runner.commitTransaction();
    await runner.release();
    await drainer.drain();
    expect((await recordsOf(quick.id)).filter((r: any) => r.figure === 'sales')).toHaveLength(2);
    expect((await recordsOf(slow.id)).filter((r: any) => r.figure === 'sales')).toHaveLength(2);
  });

  it('keeps the figures exact through the BullMQ job when Redis loses its queue, and runs the drain twice at once', async () => {
    const order = await paidOrder(8, 2);
    const queue = h.queue<StatisticsJob>(QUEUES.statistics);
    await queue.obliterate({ force: true });
    await Promise.all([queue.add('drain', { kind: 'drain' }), queue.add('drain', { kind: 'drain' }, { jobId: 'again' })]);
    const processor = h.worker.get(StatisticsProcessor);
    await Promise.all([processor.process({ data: { kind: 'drain' } } as Job<StatisticsJob>), processor.process({ data: { kind: 'drain' } } as Job<StatisticsJob>)]);
    await until(async () => (await queue.getJobCounts('completed')).completed, (n) => n >= 2);
    const sales = (await recordsOf(order.id)).filter((r: any) => r.figure === 'sales');
    expect(sales.reduce((a: number, r: any) => a + r.net, 0)).toBe(order.produceFen);
    expect(sales).toHaveLength(2);
    await rollupsAgree();
  });

  it('recomputes from the orders: no difference on the incremental figures; a lost record is found, reported, repaired once with a reversal', async () => {
    await drainer.drain();
    const today = businessDay();
    const recompute = new StatisticsRecomputeRepository(h.t.db);
    const clean = await recompute.run('00000000-0000-4000-8000-000000000001', today, today, true);
    expect(clean.factsCompared).toBeGreaterThan(0);
    expect(clean.differences).toEqual([]);
    expect(clean.rollupDifferences).toBe(0);

    const before = await totals();
    const [lost] = await h.t.db.query(
      `WITH d AS (DELETE FROM stat_attributions WHERE id = (SELECT min(id) FROM stat_attributions WHERE kind = 'sale') RETURNING order_line_id, net_fen) SELECT order_line_id, net_fen::int AS net FROM d`,
    );
    const service = h.worker.get(StatisticsRecomputeService);
    const runId = await service.create('command', today, today, true);
    const reported: any[] = [];
    const outcome: any = await service.run(runId, today, today, true, async (p) => reported.push(p));
    // Each step is reported as it begins, numbered of five (the job's progress the operators see).
    expect(reported.map((p) => [p.phase, p.step, p.steps])).toEqual([['draining', 1, 5], ['rebuilding', 2, 5], ['comparing', 3, 5], ['repairing', 4, 5], ['rollups', 5, 5]]);
    expect(outcome.differences).toHaveLength(1);
    const [diff] = outcome.differences;
    expect([diff.figure, diff.orderLineId, diff.expected.netFen - diff.recorded.netFen, diff.expected.lines - diff.recorded.lines]).toEqual(['sales', lost.order_line_id, lost.net, 1]);
    expect(outcome.repairedRecords).toBe(1);
    expect(outcome.rollupDifferences).toBe(1); // the deleted record was still in the roll-up; rebuilt
    expect(await totals()).toEqual(before);
    const [run] = await h.t.db.query(`SELECT status, differences_count, repaired_records FROM stat_recompute_runs WHERE id = $1`, [runId]);
    expect(run).toEqual({ status: 'done', differences_count: 1, repaired_records: 1 });
    const [reversal] = await h.t.db.query(`SELECT kind, net_fen::int AS net, recompute_run_id FROM stat_attributions WHERE order_line_id = $1 AND figure = 'sales' AND kind = 'reversal'`, [lost.order_line_id]);
    expect(reversal).toEqual({ kind: 'reversal', net: lost.net, recompute_run_id: runId });
    // Nothing to repair: that step is not reported; a failing reporter does not fail the run.
    const phases: string[] = [];
    const again = await recompute.run('00000000-0000-4000-8000-000000000002', today, today, true, undefined, async (phase) => void phases.push(phase));
    expect([again.differences.length, again.repairedRecords, again.rollupDifferences]).toEqual([0, 0, 0]);
    expect(phases).toEqual(['rebuilding', 'comparing', 'rollups']);
    const quiet = await service.run(await service.create('command', today, today, true), today, today, true, async () => {
      throw new Error('Redis is away');
    });
    expect((quiet as any).differences).toEqual([]);
    await rollupsAgree();
  });
});

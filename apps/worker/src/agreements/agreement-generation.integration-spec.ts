import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { addDays, businessDay, cstStartOfDay, scheduleDates } from '@shanhai/domain';
import { AgreementJob, QUEUES } from '@shanhai/persistence';
import { Actor, Fixtures, QINGYA } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';
import { WorkerModule } from '../worker.module';
import { AgreementGenerator } from './agreement-generator';

jest.setTimeout(300_000);

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('worker: agreement deliveries become orders once, ahead of their dates, whatever restarts', () => {
  let t: TestApp;
  let f: Fixtures;
  let coop: Actor;
  let buyer: Actor;
  let siteId: string;
  const prefix = `shanhai-test-agr-${process.pid}-${Date.now()}`;
  /** The workers' clock: the test walks it through the calendar. */
  let now = new Date();
  const workers: INestApplicationContext[] = [];

  const startWorker = async (schedule: boolean): Promise<INestApplicationContext> => {
    const w = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ databaseUrl: t.config.databaseUrl, redisUrl: t.config.redisUrl, logLevel: 'silent' }, { schedule, clock: () => now }),
      { logger: false },
    );
    await w.init();
    workers.push(w);
    return w;
  };
  const stopWorkers = async (): Promise<void> => {
    while (workers.length) await workers.pop()!.close();
  };
  const queueOf = (w: INestApplicationContext): Queue<AgreementJob> => w.get<Queue<AgreementJob>>(getQueueToken(QUEUES.agreements));
  /** Waits until no agreement job is waiting or running (the repeatable sweep's next run stays delayed). */
  const drained = async (q: Queue<AgreementJob>): Promise<void> => {
    await until(
      async () => {
        const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        return c.waiting + c.active + c.prioritized + c['waiting-children'];
      },
      (n) => n === 0,
    );
  };

  const stockOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT stock_units FROM skus WHERE id = $1`, [skuId]))[0].stock_units;
  const lotsOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT COALESCE(sum(available_units), 0)::int AS n FROM lots WHERE sku_id = $1`, [skuId]))[0].n;
  const heldOf = async (skuId: string): Promise<number> => (await t.db.query(`SELECT COALESCE(sum(quantity), 0)::int AS n FROM agreement_holds WHERE sku_id = $1`, [skuId]))[0].n;
  const orderedOf = async (skuId: string): Promise<number> =>
    (await t.db.query(`SELECT COALESCE(sum(a.quantity - a.released_quantity), 0)::int AS n FROM line_allocations a JOIN order_lines ol ON ol.id = a.order_line_id WHERE ol.sku_id = $1`, [skuId]))[0].n;

  beforeAll(async () => {
    process.env.QUEUE_PREFIX = prefix;
    t = await TestApp.start();
    f = new Fixtures(t);
    await f.pairing();
    const official = await f.official('629800');
    coop = await f.supplier(QINGYA, { verifiedBy: official });
    buyer = await f.buyer('school');
    siteId = await f.deliverySite(buyer);
  });

  afterAll(async () => {
    const w = await startWorker(false);
    for (const q of [QUEUES.agreements, QUEUES.reservations, QUEUES.invoices]) await w.get<Queue>(getQueueToken(q)).obliterate({ force: true });
    await stopWorkers();
    await t.close();
    delete process.env.QUEUE_PREFIX;
  });

  async function agreement(skuId: string, terms: Record<string, unknown>): Promise<any> {
    const proposed = await t.post('/api/agreements', { skuId, deliverySiteId: siteId, paymentMethod: 'card', noticeDays: 2, ...terms }, buyer.token);
    expect(proposed.status).toBe(201);
    const accepted = await t.post(`/api/agreements/${proposed.body.id}/decision`, { version: 1, decision: 'accept' }, coop.token);
    expect(accepted.status).toBe(200);
    return accepted.body;
  }

  it('generates a month of Monday, Wednesday and Friday deliveries once each, with workers restarted and Redis emptied in between and every day run twice at once', async () => {
    const today = businessDay();
    const p = await f.product(coop, { units: 500, leadTimeDays: 1, priceFen: 4_000 });
    const a = await agreement(p.skuId, { quantity: 10, price: { kind: 'fixed', unitPriceFen: 3_600 }, schedule: { kind: 'weekly', weekdays: [1, 3, 5] }, startDate: addDays(today, 1), endDate: addDays(today, 28), orderDaysAhead: 3 });
    const expected = scheduleDates({ kind: 'weekly', weekdays: [1, 3, 5] }, addDays(today, 1), addDays(today, 28));
    expect(expected.length).toBeGreaterThanOrEqual(11);

    let w1: INestApplicationContext | null = null;
    let w2: INestApplicationContext | null = null;
    for (let d = 0; d <= 30; d++) {
      // 10:00 Beijing time on the simulated day.
      now = new Date(cstStartOfDay(addDays(today, d)).getTime() + 10 * 3600_000);
      if (d % 4 === 0) {
        // A restart: the workers stop, Redis loses every job (and the repeatable sweep), two workers start.
        if (w1) await queueOf(w1).obliterate({ force: true });
        await stopWorkers();
        w1 = await startWorker(true);
        w2 = await startWorker(false);
      }
      const q = queueOf(w1!);
      // Double scheduling: two direct runs in two workers, a sweep and a per-agreement job, all at once.
      await Promise.all([
        w1!.get(AgreementGenerator).generate(a.id),
        w2!.get(AgreementGenerator).generate(a.id),
        q.add('sweep', { kind: 'sweep' }),
        queueOf(w2!).add('generate', { kind: 'generate', agreementId: a.id }),
      ]);
      await drained(q);
      // Nothing generated ahead of its window: only deliveries within orderDaysAhead of the simulated day.
      const [{ latest }] = await t.db.query(`SELECT max(delivery_date)::text AS latest FROM agreement_deliveries WHERE agreement_id = $1`, [a.id]);
      if (latest) expect(latest <= addDays(businessDay(now), 3)).toBe(true);
    }
    await stopWorkers();

    const rows = await t.db.query(`SELECT delivery_date::text AS date, outcome, buyer_order_id FROM agreement_deliveries WHERE agreement_id = $1 ORDER BY delivery_date`, [a.id]);
    expect(rows.map((r: any) => r.date)).toEqual(expected);
    expect(rows.every((r: any) => r.outcome === 'ordered' && r.buyer_order_id)).toBe(true);
    const orders = await t.db.query(
      `SELECT bo.delivery_date::text AS date, bo.status, bo.payment_method, ol.quantity, ol.unit_price_fen, so.status AS so_status
         FROM buyer_orders bo JOIN supplier_orders so ON so.buyer_order_id = bo.id JOIN order_lines ol ON ol.buyer_order_id = bo.id
        WHERE bo.note LIKE $1 ORDER BY bo.delivery_date`,
      [`%${a.number}%`],
    );
    // Exactly one order per delivery date: each an ordinary card order awaiting payment, at the agreed price.
    expect(orders.map((o: any) => o.date)).toEqual(expected);
    expect(orders.every((o: any) => o.status === 'awaiting_payment' && o.payment_method === 'card' && o.quantity === 10 && Number(o.unit_price_fen) === 3_600 && o.so_status === 'pending')).toBe(true);
    // The held units became the orders' units: nothing held any more, nothing lost, every lot balanced.
    expect(await heldOf(p.skuId)).toBe(0);
    expect(await orderedOf(p.skuId)).toBe(10 * expected.length);
    expect(await stockOf(p.skuId)).toBe(500 - 10 * expected.length);
    expect(await lotsOf(p.skuId)).toBe(await stockOf(p.skuId));
    // Its last day passed: the agreement is complete, and its progress says what was ordered.
    const view = (await t.get(`/api/agreements/${a.id}`, buyer.token)).body;
    expect(view.status).toBe('completed');
    expect(view.progress).toMatchObject({ contractedDeliveries: expected.length, orderedDeliveries: expected.length, missedDeliveries: 0 });
  });

  it('records a delivery whose cut-off passed without stock as missed, once, and generates the rest', async () => {
    const today = businessDay();
    const p = await f.product(coop, { units: 8, leadTimeDays: 1 });
    const a = await agreement(p.skuId, { quantity: 10, price: { kind: 'fixed', unitPriceFen: 3_600 }, schedule: { kind: 'dates', dates: [addDays(today, 2), addDays(today, 6)] }, startDate: addDays(today, 1), endDate: addDays(today, 10), orderDaysAhead: 2 });
    expect(await heldOf(p.skuId)).toBe(0);
    now = new Date(cstStartOfDay(addDays(today, 1)).getTime() + 9 * 3600_000);
    const w = await startWorker(false);
    const blocked = await w.get(AgreementGenerator).generate(a.id);
    expect(blocked).toMatchObject({ ordered: 0, blocked: 1, missed: 0 });
    expect(await t.db.query(`SELECT 1 FROM agreement_deliveries WHERE agreement_id = $1`, [a.id])).toHaveLength(0);
    // The cut-off of the first delivery passes; stock for the second arrives.
    await t.post(`/api/skus/${p.skuId}/lots`, { baseId: p.baseId, code: 'L2', harvestDate: today, quantityUnits: 20 }, coop.token);
    now = new Date(cstStartOfDay(addDays(today, 4)).getTime() + 9 * 3600_000);
    const [r1, r2] = await Promise.all([w.get(AgreementGenerator).generate(a.id), w.get(AgreementGenerator).generate(a.id)]);
    expect(r1.missed + r2.missed).toBe(1);
    expect(r1.ordered + r2.ordered).toBe(1);
    const rows = await t.db.query(`SELECT delivery_date::text AS date, outcome, reason FROM agreement_deliveries WHERE agreement_id = $1 ORDER BY delivery_date`, [a.id]);
    expect(rows).toEqual([
      { date: addDays(today, 2), outcome: 'missed', reason: expect.stringContaining(`not generated by the cut-off ${addDays(today, 1)}`) },
      { date: addDays(today, 6), outcome: 'ordered', reason: null },
    ]);
    await stopWorkers();
  });

  it('races generation against one-off orders for the same stock: nothing is oversold, and a one-off that cannot be served is told the stock is reserved', async () => {
    const today = businessDay();
    // Too little stock when the agreement is accepted: nothing can be held yet.
    const p = await f.product(coop, { units: 5, leadTimeDays: 1 });
    const a = await agreement(p.skuId, { quantity: 10, price: { kind: 'fixed', unitPriceFen: 3_600 }, schedule: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] }, startDate: addDays(today, 1), endDate: addDays(today, 10), orderDaysAhead: 3 });
    expect(await heldOf(p.skuId)).toBe(0);
    // The harvest arrives; the worker (holding, then generating days 1-3) and six one-off orders go for it at once.
    await t.post(`/api/skus/${p.skuId}/lots`, { baseId: p.baseId, code: 'HARVEST', harvestDate: today, quantityUnits: 100 }, coop.token);
    now = new Date();
    const w = await startWorker(false);
    const others = await Promise.all(Array.from({ length: 3 }, () => f.buyer('enterprise')));
    const sites = await Promise.all(others.map((o) => f.deliverySite(o)));
    const [, ...oneOffs] = await Promise.all([
      w.get(AgreementGenerator).generate(a.id),
      ...Array.from({ length: 6 }, (_, i) =>
        t.post('/api/orders', { deliverySiteId: sites[i % 3], deliveryDate: addDays(today, 2), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 5 }] }, others[i % 3].token),
      ),
    ]);
    const placed = oneOffs.filter((r) => r.status === 201).length;
    expect(oneOffs.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'STOCK_EXHAUSTED'))).toBe(true);
    // Every unit is in one place: a lot, a hold, or an order (agreement or one-off); no lot below zero.
    expect((await stockOf(p.skuId)) + (await heldOf(p.skuId)) + (await orderedOf(p.skuId))).toBe(105);
    expect(await lotsOf(p.skuId)).toBe(await stockOf(p.skuId));
    const [{ negative }] = await t.db.query(`SELECT count(*)::int AS negative FROM lots WHERE sku_id = $1 AND available_units < 0`, [p.skuId]);
    expect(negative).toBe(0);
    const [{ generated }] = await t.db.query(`SELECT count(*)::int AS generated FROM agreement_deliveries WHERE agreement_id = $1 AND outcome = 'ordered'`, [a.id]);
    expect(generated).toBeLessThanOrEqual(3);
    expect(await orderedOf(p.skuId)).toBe(generated * 10 + placed * 5);
    // What is left is held for the agreement's coming days; a one-off for more than the free stock hears why.
    expect(await heldOf(p.skuId)).toBeGreaterThan(0);
    const refused = await t.post('/api/orders', { deliverySiteId: sites[0], deliveryDate: addDays(today, 2), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: (await stockOf(p.skuId)) + 5 }] }, others[0].token);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('reserved for procurement agreements');
    expect(refused.body.details[0].reason).toContain('reserved for procurement agreements');
    await stopWorkers();
  });

  it('skips an agreed skip, records it once, and does not generate past a pause or an early end', async () => {
    const today = businessDay();
    const p = await f.product(coop, { units: 200, leadTimeDays: 0 });
    const a = await agreement(p.skuId, { quantity: 10, price: { kind: 'fixed', unitPriceFen: 3_600 }, schedule: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] }, startDate: addDays(today, 1), endDate: addDays(today, 20), orderDaysAhead: 2 });
    expect((await t.post(`/api/agreements/${a.id}/delivery-changes`, { deliveryDate: addDays(today, 1), kind: 'skip' }, buyer.token)).status).toBe(201);
    expect((await t.post(`/api/agreements/${a.id}/pauses`, { from: addDays(today, 3), until: addDays(today, 4) }, buyer.token)).status).toBe(201);
    expect((await t.post(`/api/agreements/${a.id}/termination`, { lastDeliveryOn: addDays(today, 5), reason: '学期结束' }, buyer.token)).status).toBe(200);
    const w = await startWorker(false);
    for (let d = 0; d <= 7; d++) {
      now = new Date(cstStartOfDay(addDays(today, d)).getTime() + 8 * 3600_000);
      await Promise.all([w.get(AgreementGenerator).generate(a.id), w.get(AgreementGenerator).sweep()]);
    }
    const rows = await t.db.query(`SELECT delivery_date::text AS date, outcome FROM agreement_deliveries WHERE agreement_id = $1 ORDER BY delivery_date`, [a.id]);
    expect(rows).toEqual([
      { date: addDays(today, 1), outcome: 'skipped' },
      { date: addDays(today, 2), outcome: 'ordered' },
      { date: addDays(today, 5), outcome: 'ordered' },
    ]);
    const view = (await t.get(`/api/agreements/${a.id}`, buyer.token)).body;
    expect(view.status).toBe('ended');
    expect(view.progress).toMatchObject({ contractedDeliveries: 2, orderedDeliveries: 2, skippedDeliveries: 1 });
    expect(await heldOf(p.skuId)).toBe(0);
    expect(await stockOf(p.skuId)).toBe(180);
    await stopWorkers();
  });
});

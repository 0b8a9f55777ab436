import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { addDays, businessDay } from '@shanhai/domain';
import { QUEUES } from '@shanhai/persistence';
import { Fixtures, QINGYA } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';
import { WorkerModule } from '../worker.module';

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('worker: reservations of unpaid orders expire and release their stock', () => {
  let t: TestApp;
  let f: Fixtures;
  let worker: INestApplicationContext;
  const prefix = `shanhai-test-res-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    process.env.QUEUE_PREFIX = prefix;
    // A payment window of zero minutes: every card order is due the moment it is placed.
    t = await TestApp.start({ paymentWindowMinutes: 0 });
    f = new Fixtures(t);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ databaseUrl: t.config.databaseUrl, redisUrl: t.config.redisUrl, logLevel: 'silent' }, { schedule: false }),
      { logger: false },
    );
    await worker.init();
  });

  afterAll(async () => {
    await worker.get<Queue>(getQueueToken(QUEUES.reservations)).obliterate({ force: true });
    await worker.close();
    await t.close();
    delete process.env.QUEUE_PREFIX;
  });

  it('cancels an order nobody paid for and puts its units back in the lots, once', async () => {
    await f.pairing();
    const official = await f.official('629800');
    const coop = await f.supplier(QINGYA, { verifiedBy: official });
    const p = await f.product(coop, { units: 40 });
    const buyer = await f.buyer();
    const site = await f.deliverySite(buyer);
    const placed = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: addDays(businessDay(), 3), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 15 }] }, buyer.token);
    expect(placed.status).toBe(201);
    const order = await until(
      async () => (await t.get(`/api/orders/${placed.body.id}`, buyer.token)).body,
      (o) => o.status === 'cancelled',
    );
    expect(order.status).toBe('cancelled');
    expect(order.cancelReason).toContain('reservation expired');
    const [{ stock }] = await t.db.query(`SELECT stock_units AS stock FROM skus WHERE id = $1`, [p.skuId]);
    expect(stock).toBe(40);
    // A duplicate expiry job and a sweep change nothing more.
    const queue = worker.get<Queue>(getQueueToken(QUEUES.reservations));
    await queue.add('expire', { kind: 'expire', buyerOrderId: placed.body.id });
    await queue.add('sweep', { kind: 'sweep' });
    await new Promise((r) => setTimeout(r, 1000));
    const [{ stock: after }] = await t.db.query(`SELECT stock_units AS stock FROM skus WHERE id = $1`, [p.skuId]);
    expect(after).toBe(40);
    const events = await t.db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [placed.body.id]);
    expect(events).toEqual([{ type: 'order.cancelled' }]);
  });

  it('finds overdue orders in the sweep when the delayed job was lost (Redis restarted)', async () => {
    const official = await f.official('629801');
    const coop = await f.supplier(QINGYA, { verifiedBy: official });
    const p = await f.product(coop, { units: 10 });
    const buyer = await f.buyer();
    const site = await f.deliverySite(buyer);
    const queue = worker.get<Queue>(getQueueToken(QUEUES.reservations));
    await queue.pause();
    const placed = await t.post('/api/orders', { deliverySiteId: site, deliveryDate: addDays(businessDay(), 3), paymentMethod: 'card', lines: [{ skuId: p.skuId, quantity: 4 }] }, buyer.token);
    // Lose every queued job, as a Redis restart without persistence would.
    await queue.obliterate({ force: true });
    await queue.resume();
    await queue.add('sweep', { kind: 'sweep' });
    const order = await until(
      async () => (await t.get(`/api/orders/${placed.body.id}`, buyer.token)).body,
      (o) => o.status === 'cancelled',
    );
    expect(order.status).toBe('cancelled');
    const [{ stock }] = await t.db.query(`SELECT stock_units AS stock FROM skus WHERE id = $1`, [p.skuId]);
    expect(stock).toBe(10);
  });
});

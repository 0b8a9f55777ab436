import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job } from 'bullmq';
import { addDays, businessDay } from '@shanhai/domain';
import { Fixtures, QINGYA } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';
import { WorkerModule } from '../worker.module';
import { CertifiedWindowProcessor } from './certified-window.processor';

describe('worker: certified windows follow the calendar', () => {
  let t: TestApp;
  let f: Fixtures;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    process.env.QUEUE_PREFIX = `shanhai-test-cat-${process.pid}-${Date.now()}`;
    t = await TestApp.start();
    f = new Fixtures(t);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ databaseUrl: t.config.databaseUrl, redisUrl: t.config.redisUrl, logLevel: 'silent' }, { schedule: false }),
      { logger: false },
    );
    await worker.init();
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
    delete process.env.QUEUE_PREFIX;
  });

  it('moves a product onto its renewal once the earlier certificate has lapsed, and changes nothing on a second run', async () => {
    await f.pairing();
    const official = await f.official('629800');
    const coop = await f.supplier(QINGYA, { verifiedBy: official });
    const p = await f.product(coop, { nameZh: '续证土豆' });
    const today = businessDay();
    await f.certify(coop, official, p.productId, { validFrom: addDays(today, -30), validTo: addDays(today, 365) });
    // As the row stood when an earlier certificate (ended yesterday) was the one that counted.
    await t.db.query(`UPDATE products SET certified_from = $2, certified_until = $3 WHERE id = $1`, [p.productId, addDays(today, -400), today]);
    const stale = await t.get(`/api/catalog/products?q=${encodeURIComponent('续证土豆')}`);
    expect(stale.body.items[0].certified).toBe(false);

    const processor = worker.get(CertifiedWindowProcessor);
    expect((await processor.process({ data: { kind: 'certified-windows' } } as Job)).updated).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.query(`SELECT certified_from, certified_until FROM products WHERE id = $1`, [p.productId]);
    expect(row).toEqual({ certified_from: addDays(today, -30), certified_until: addDays(today, 366) });
    const fresh = await t.get(`/api/catalog/products?q=${encodeURIComponent('续证土豆')}&certified=true`);
    expect(fresh.body.items.map((i: any) => i.id)).toEqual([p.productId]);
    expect((await processor.process({ data: { kind: 'certified-windows' } } as Job)).updated).toBe(0);
  });
});

import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Job, Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES, redisConnection } from '@shanhai/persistence';
import { cloneTemplate } from '../../../../test/support/databases';
import { WorkerModule } from '../worker.module';
import { HeartbeatProcessor } from './heartbeat.processor';

describe('worker: heartbeat through BullMQ on Redis into PostgreSQL', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;
  let events: QueueEvents;
  let drop: () => Promise<void>;
  const prefix = `shanhai-test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    const database = await cloneTemplate();
    drop = database.drop;
    process.env.QUEUE_PREFIX = prefix;
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ databaseUrl: database.url, redisUrl: 'redis://127.0.0.1:6379', logLevel: 'silent' }, { schedule: false }),
      { logger: false },
    );
    await app.init();
    db = app.get<DataSource>(getDataSourceToken());
    queue = app.get<Queue>(getQueueToken(QUEUES.heartbeat));
    events = new QueueEvents(QUEUES.heartbeat, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await events.close();
    await app.close();
    await drop();
    delete process.env.QUEUE_PREFIX;
  });

  it('processes a queued job in the worker and records a row', async () => {
    const job = await queue.add('beat', { requestedAt: new Date().toISOString() }, { jobId: 'beat-1' });
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toEqual({ recorded: true });
    const rows = await db.query('SELECT job_id FROM worker_heartbeats');
    expect(rows).toEqual([{ job_id: 'beat-1' }]);
  });

  it('records a retried job once: the job id is unique in PostgreSQL', async () => {
    const processor = app.get(HeartbeatProcessor);
    const job = { id: 'beat-retried', data: { requestedAt: new Date().toISOString() } } as Job;
    expect(await processor.process(job)).toEqual({ recorded: true });
    expect(await processor.process(job)).toEqual({ recorded: false });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM worker_heartbeats WHERE job_id = 'beat-retried'`);
    expect(n).toBe(1);
  });
});

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, StatisticsJob } from '@shanhai/persistence';
import { NIGHTLY } from './statistics.processor';

/** How often the outbox is drained (ms); STATISTICS_DRAIN_EVERY_MS overrides. */
export const DRAIN_EVERY_MS = Number(process.env.STATISTICS_DRAIN_EVERY_MS ?? 3000);

/**
 * The drain every few seconds, and at 02:30 China Standard Time a recomputation of the last 35 days
 * (a scheduler job: its processor records the run). Schedulers are upserted on every boot, so a Redis
 * that lost everything gets them back; what was applied lives in PostgreSQL, never in Redis.
 */
@Injectable()
export class StatisticsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.statistics) private readonly queue: Queue<StatisticsJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('statistics-drain', { every: DRAIN_EVERY_MS }, { name: 'drain', data: { kind: 'drain' }, opts: { removeOnComplete: 20, removeOnFail: 50 } });
    await this.queue.upsertJobScheduler(
      'statistics-nightly-recompute',
      { pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
      { name: 'nightly-recompute', data: { kind: 'recompute', runId: NIGHTLY, from: 'auto', to: 'auto', repair: true }, opts: { removeOnComplete: 20, removeOnFail: 50 } },
    );
  }
}

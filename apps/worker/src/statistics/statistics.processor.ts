import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { addDays, businessDay } from '@shanhai/domain';
import { QUEUES, StatisticsDrainRepository, StatisticsJob } from '@shanhai/persistence';
import { StatisticsRecomputeService } from './statistics-recompute.service';

/** The nightly run's marker in its scheduler job, and how many days back it rebuilds. */
export const NIGHTLY = 'nightly';
export const NIGHTLY_DAYS = 35;

/**
 * Drains the outbox into the statistics and runs recomputations. One job at a time per worker; two
 * workers (or a duplicated job) are safe because PostgreSQL decides what was applied (see the drain).
 */
@Processor(QUEUES.statistics, { concurrency: 1 })
export class StatisticsProcessor extends WorkerHost {
  private readonly logger = new Logger(StatisticsProcessor.name);
  private readonly drainer: StatisticsDrainRepository;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly recompute: StatisticsRecomputeService,
  ) {
    super();
    this.drainer = new StatisticsDrainRepository(db);
  }

  async process(job: Job<StatisticsJob>): Promise<unknown> {
    if (job.data.kind === 'recompute') {
      if (job.data.runId === NIGHTLY) {
        const today = businessDay();
        const from = addDays(today, -NIGHTLY_DAYS);
        const runId = await this.recompute.create('schedule', from, today, true);
        return this.recompute.run(runId, from, today, true, (p) => job.updateProgress({ ...p, runId }));
      }
      const { runId } = job.data;
      return this.recompute.run(runId, job.data.from, job.data.to, job.data.repair, (p) => job.updateProgress({ ...p, runId }));
    }
    const done = await this.drainer.drain({ maxBatches: 50 });
    if (done.events) this.logger.log(done, 'statistics drained');
    return done;
  }
}

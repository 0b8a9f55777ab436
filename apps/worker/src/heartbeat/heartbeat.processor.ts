import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { HeartbeatJob, QUEUES } from '@shanhai/persistence';

export interface HeartbeatResult {
  readonly recorded: boolean;
}

/**
 * Records one row per heartbeat job. The job id is unique in PostgreSQL, so a job retried after a
 * crash records its beat once, not twice.
 */
@Processor(QUEUES.heartbeat)
export class HeartbeatProcessor extends WorkerHost {
  private readonly logger = new Logger(HeartbeatProcessor.name);
  private readonly workerId = `${hostname()}:${process.pid}`;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async process(job: Job<HeartbeatJob>): Promise<HeartbeatResult> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO worker_heartbeats (worker_id, job_id, beat_at) VALUES ($1, $2, now())
       ON CONFLICT (job_id) DO NOTHING RETURNING id`,
      [this.workerId, String(job.id)],
    );
    const recorded = rows.length > 0;
    this.logger.debug({ jobId: job.id, recorded }, 'heartbeat');
    return { recorded };
  }
}

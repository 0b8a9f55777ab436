import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES, RecomputeProgress, StatisticsDrainRepository, StatisticsJob } from '@shanhai/persistence';
import { AppError, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { RecomputeRequestDto } from './statistics.dto';
import { checkRange } from './statistics.service';

const RUN_COLUMNS = `id, trigger, requested_by AS "requestedBy", from_day::text AS "from", to_day::text AS "to", repair, status, facts_compared AS "factsCompared",
  differences_count AS "differencesCount", differences, repaired_records AS "repairedRecords", error, created_at AS "createdAt", finished_at AS "finishedAt"`;

/** Operators: ask the worker for a recomputation (an audit row records it), read runs, see the drain's backlog. */
@Injectable()
export class StatisticsAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.statistics) private readonly queue: Queue<StatisticsJob>,
  ) {}

  async requestRecompute(principal: Principal, dto: RecomputeRequestDto) {
    checkRange(dto.from, dto.to);
    const repair = dto.repair ?? true;
    const [run] = await this.db.query(
      `INSERT INTO stat_recompute_runs (trigger, requested_by, from_day, to_day, repair, status) VALUES ('operator', $1, $2, $3, $4, 'queued') RETURNING id`,
      [principal.userId, dto.from, dto.to, repair],
    );
    try {
      await Promise.race([
        this.queue.add('recompute', { kind: 'recompute', runId: run.id, from: dto.from, to: dto.to, repair }, { jobId: `recompute-${run.id}`, removeOnComplete: 100, removeOnFail: 100 }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2000).unref()),
      ]);
    } catch {
      await this.db.query(`UPDATE stat_recompute_runs SET status = 'failed', error = 'could not be queued: the job queue is unavailable', finished_at = now() WHERE id = $1`, [run.id]);
      throw new AppError(503, 'QUEUE_UNAVAILABLE', 'the job queue is unavailable; try again in a moment');
    }
    return this.run(run.id);
  }

  async run(id: string) {
    const [row] = await this.db.query(`SELECT ${RUN_COLUMNS} FROM stat_recompute_runs WHERE id = $1`, [id]);
    if (!row) throw notFound('recomputation', id);
    return (await this.withProgress([row]))[0];
  }

  async runs() {
    return this.withProgress(await this.db.query(`SELECT ${RUN_COLUMNS} FROM stat_recompute_runs ORDER BY created_at DESC LIMIT 50`));
  }

  /**
   * Running recomputations carry their job's progress (the step it is on, of how many, since when), which the
   * worker reports at each step; null when none is known (queued, finished, or Redis not answering).
   */
  private async withProgress<T extends { id: string; status: string }>(rows: T[]): Promise<Array<T & { progress: RecomputeProgress | null }>> {
    let byRun = new Map<string, RecomputeProgress>();
    if (rows.some((r) => r.status === 'running')) {
      try {
        const jobs = await Promise.race([
          this.queue.getJobs(['active']),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 1 s')), 1000).unref()),
        ]);
        byRun = new Map(
          jobs
            .map((j) => j?.progress as (RecomputeProgress & { runId?: string }) | undefined)
            .filter((p): p is RecomputeProgress & { runId: string } => typeof p === 'object' && p !== null && typeof p.runId === 'string')
            .map((p) => [p.runId, { phase: p.phase, step: p.step, steps: p.steps, since: p.since }]),
        );
      } catch {
        // The figures are in PostgreSQL; only the step is lost while Redis is away.
      }
    }
    return rows.map((r) => ({ ...r, progress: r.status === 'running' ? (byRun.get(r.id) ?? null) : null }));
  }

  /** How far the drain is: events waiting, the oldest one's age, the watermark. */
  async status() {
    const backlog = await new StatisticsDrainRepository(this.db).backlog();
    const [mark] = await this.db.query(`SELECT last_tx_id::text AS "lastTxId", last_event_id::text AS "lastEventId", updated_at AS "updatedAt" FROM stat_watermarks WHERE consumer = 'statistics'`);
    const [records] = await this.db.query(`SELECT count(*)::bigint AS n FROM stat_attributions`);
    return { backlogEvents: backlog.events, oldestWaiting: backlog.oldest, watermark: mark ?? null, records: Number(records.n) };
  }
}

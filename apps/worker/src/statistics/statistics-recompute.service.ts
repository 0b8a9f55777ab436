import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecomputeOutcome, RecomputePhase, recomputeProgress, RecomputeProgress, StatisticsDrainRepository, StatisticsRecomputeRepository } from '@shanhai/persistence';

/** Runs one recomputation recorded in stat_recompute_runs: drains first, then compares and repairs. */
@Injectable()
export class StatisticsRecomputeService {
  private readonly logger = new Logger(StatisticsRecomputeService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `report` receives the progress at each step (the job's progress); a failure to report is logged, never fatal. */
  async run(runId: string, from: string, to: string, repair: boolean, report: (progress: RecomputeProgress) => Promise<unknown> = async () => undefined): Promise<RecomputeOutcome | { skipped: string }> {
    const [run] = await this.db.query(`UPDATE stat_recompute_runs SET status = 'running' WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`, [runId]);
    if (!run) return { skipped: 'the run is finished or unknown' };
    const onPhase = async (phase: RecomputePhase) => {
      try {
        await report(recomputeProgress(phase));
      } catch (err) {
        this.logger.warn({ runId, phase, err: String(err) }, 'could not report the recomputation’s progress');
      }
    };
    try {
      await onPhase('draining');
      await new StatisticsDrainRepository(this.db).drain();
      const outcome = await new StatisticsRecomputeRepository(this.db).run(runId, from, to, repair, undefined, onPhase);
      await this.db.query(
        `UPDATE stat_recompute_runs SET status = 'done', facts_compared = $2, differences_count = $3, differences = $4, repaired_records = $5, finished_at = now(), error = NULL WHERE id = $1`,
        [runId, outcome.factsCompared, outcome.differences.length, JSON.stringify(outcome.differences.slice(0, 1000)), outcome.repairedRecords],
      );
      if (outcome.differences.length || outcome.rollupDifferences) this.logger.warn({ runId, from, to, differences: outcome.differences.length, rollupDifferences: outcome.rollupDifferences, repaired: outcome.repairedRecords }, 'statistics recomputation found differences');
      return outcome;
    } catch (err) {
      await this.db.query(`UPDATE stat_recompute_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [runId, String((err as Error).message).slice(0, 1000)]);
      throw err;
    }
  }

  /** Records a run (the audit row) for the schedule or the command. */
  async create(trigger: 'schedule' | 'command' | 'operator', from: string, to: string, repair: boolean, requestedBy: string | null = null): Promise<string> {
    const [row] = await this.db.query(`INSERT INTO stat_recompute_runs (trigger, requested_by, from_day, to_day, repair, status) VALUES ($1, $2, $3, $4, $5, 'queued') RETURNING id`, [trigger, requestedBy, from, to, repair]);
    return row.id;
  }
}

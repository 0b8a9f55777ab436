import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { addDays, businessDay, isIsoDay } from '@shanhai/domain';
import { createDataSource, StatisticsDrainRepository, StatisticsRecomputeRepository } from '@shanhai/persistence';
import { loadConfig } from '../config/app-config';

/**
 * The recomputation as a command (the same code as the nightly job and the operator's request):
 *   node dist/apps/api/cli/stats-recompute.js --from 2026-01-01 --to 2026-11-30 [--dry-run]
 * Drains the outbox, rebuilds the range from the orders, prints every difference and, unless
 * --dry-run, repairs it with reversal records; the run is recorded in stat_recompute_runs.
 * Exit code 0 when nothing differed, 2 when differences were found (and repaired unless dry-run).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  const to = values.to ?? businessDay();
  const from = values.from ?? addDays(to, -35);
  for (const [name, day] of [['from', from], ['to', to]]) if (!isIsoDay(day)) throw new Error(`--${name} must be YYYY-MM-DD`);
  if (from > to) throw new Error('--from must not be after --to');
  const repair = !values['dry-run'];
  const db = createDataSource(loadConfig().databaseUrl);
  await db.initialize();
  try {
    const drained = await new StatisticsDrainRepository(db).drain();
    console.log(`stats-recompute: drained ${drained.events} outbox events first (${drained.records} records)`);
    const [run] = await db.query(`INSERT INTO stat_recompute_runs (trigger, from_day, to_day, repair, status) VALUES ('command', $1, $2, $3, 'running') RETURNING id`, [from, to, repair]);
    const outcome = await new StatisticsRecomputeRepository(db).run(run.id, from, to, repair);
    await db.query(
      `UPDATE stat_recompute_runs SET status = 'done', facts_compared = $2, differences_count = $3, differences = $4, repaired_records = $5, finished_at = now() WHERE id = $1`,
      [run.id, outcome.factsCompared, outcome.differences.length, JSON.stringify(outcome.differences.slice(0, 1000)), outcome.repairedRecords],
    );
    console.log(`stats-recompute: run ${run.id}, ${from} … ${to}: ${outcome.factsCompared} facts compared, ${outcome.pendingOrders} orders still in flight (skipped)`);
    for (const d of outcome.differences) {
      console.log(`  ${d.businessDay} ${d.figure} line ${d.orderLineId}: expected net ${d.expected.netFen} fen (${d.expected.lines} lines), recorded ${d.recorded.netFen} fen (${d.recorded.lines} lines)`);
    }
    console.log(`stats-recompute: ${outcome.differences.length} differences, ${outcome.repairedRecords} reversal records written, ${outcome.rollupDifferences} roll-up days rebuilt${repair ? '' : ' (dry run: nothing written)'}`);
    return outcome.differences.length || outcome.rollupDifferences ? 2 : 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`stats-recompute: failed: ${err.message}`);
    process.exit(1);
  },
);

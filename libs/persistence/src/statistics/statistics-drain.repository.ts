import { DataSource } from 'typeorm';
import { ATTRIBUTED, factsFromEvents, RECORD_COLUMNS, rollupStatements } from './attribution-sql';

export const STATISTICS_CONSUMER = 'statistics';

export interface DrainBatchResult {
  readonly events: number;
  readonly records: number;
}

export interface DrainOptions {
  /** Events per transaction. */
  readonly batchSize?: number;
  /** The day written as `recorded_on` (China Standard Time); defaults to today. */
  readonly recordedOn?: string;
  /** Test hook: runs inside the batch's transaction after the writes, before the commit. */
  readonly beforeCommit?: () => Promise<void>;
}

/**
 * Applies outbox events to the statistics, exactly once, in set-based SQL. One batch is one
 * transaction that:
 *   1. reads the snapshot's xmin first: every transaction older than it has ended, so the events
 *      written by them are final; events are taken in (tx_id, id) order after the watermark and
 *      below that xmin, so an event of a slow transaction can never land behind the watermark;
 *   2. locks the watermark row (a second worker waits here, then continues after the first);
 *   3. in one statement: skips events already in the ledger, derives the attribution records
 *      (unique per figure, line, kind and source: a duplicate can never count twice), upserts the
 *      daily and monthly roll-ups from the records actually inserted, and writes the ledger;
 *   4. moves the watermark.
 * A worker killed mid-batch leaves nothing: the transaction rolls back and the next run redoes it.
 */
export class StatisticsDrainRepository {
  constructor(private readonly db: DataSource) {}

  async drainBatch(options: DrainOptions = {}): Promise<DrainBatchResult> {
    const batchSize = options.batchSize ?? 2000;
    return this.db.transaction(async (tx) => {
      const [{ xmin }] = await tx.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
      await tx.query(`INSERT INTO stat_watermarks (consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING`, [STATISTICS_CONSUMER]);
      const [mark] = await tx.query(`SELECT last_tx_id::text, last_event_id::text FROM stat_watermarks WHERE consumer = $1 FOR UPDATE`, [STATISTICS_CONSUMER]);
      const events: Array<{ id: string; tx_id: string }> = await tx.query(
        // Order by the columns themselves (not the text aliases, which would sort '10' before '9').
        `SELECT e.id::text AS id, e.tx_id::text AS tx_id FROM outbox_events e
          WHERE (e.tx_id, e.id) > ($1::bigint, $2::bigint) AND e.tx_id < $3::bigint
          ORDER BY e.tx_id, e.id LIMIT $4`,
        [mark.last_tx_id, mark.last_event_id, xmin, batchSize],
      );
      if (events.length === 0) return { events: 0, records: 0 };
      const recordedOn = options.recordedOn ?? null;
      const rollups = rollupStatements('ins');
      const [{ records }] = await tx.query(
        `WITH ev AS (
           SELECT e.id, e.type, e.aggregate_id, e.payload FROM outbox_events e
            WHERE e.id = ANY($1::bigint[]) AND NOT EXISTS (SELECT 1 FROM stat_event_ledger l WHERE l.event_id = e.id)),
         facts AS (${factsFromEvents()}),
         ins AS (
           INSERT INTO stat_attributions (${RECORD_COLUMNS}, recorded_on)
           SELECT a.*, COALESCE($2::date, (now() AT TIME ZONE 'Asia/Shanghai')::date) FROM (${ATTRIBUTED}) a
           ON CONFLICT (figure, order_line_id, kind, source_key) DO NOTHING
           RETURNING *),
         daily AS (${rollups.daily}),
         monthly AS (${rollups.monthly}),
         ledger AS (
           INSERT INTO stat_event_ledger (event_id, records)
           SELECT ev.id, COALESCE(c.n, 0) FROM ev LEFT JOIN (SELECT event_id, count(*) AS n FROM ins GROUP BY event_id) c ON c.event_id = ev.id)
         SELECT count(*)::int AS records FROM ins`,
        [events.map((e) => e.id), recordedOn],
      );
      const last = events[events.length - 1];
      await tx.query(`UPDATE stat_watermarks SET last_tx_id = $2, last_event_id = $3, updated_at = now() WHERE consumer = $1`, [STATISTICS_CONSUMER, last.tx_id, last.id]);
      if (options.beforeCommit) await options.beforeCommit();
      return { events: events.length, records };
    });
  }

  /** Batches until nothing is left that can be taken now. */
  async drain(options: DrainOptions & { maxBatches?: number } = {}): Promise<DrainBatchResult> {
    let events = 0;
    let records = 0;
    for (let i = 0; i < (options.maxBatches ?? Number.MAX_SAFE_INTEGER); i++) {
      const r = await this.drainBatch(options);
      events += r.events;
      records += r.records;
      if (r.events === 0) break;
    }
    return { events, records };
  }

  /** Events not yet applied (for the health of the pipeline). */
  async backlog(): Promise<{ events: number; oldest: Date | null }> {
    const [r] = await this.db.query(
      `SELECT count(*)::int AS events, min(e.occurred_at) AS oldest FROM outbox_events e
        WHERE (e.tx_id, e.id) > COALESCE((SELECT (w.last_tx_id, w.last_event_id) FROM stat_watermarks w WHERE w.consumer = $1), (0::bigint, 0::bigint))`,
      [STATISTICS_CONSUMER],
    );
    return { events: r.events, oldest: r.oldest };
  }
}

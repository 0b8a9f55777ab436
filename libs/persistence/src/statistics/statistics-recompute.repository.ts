import { DataSource } from 'typeorm';
import type { RecomputePhase } from '../queues';
import { ATTRIBUTED, factsFromOrders, monthlyGrainsSelect, rollupStatements } from './attribution-sql';

export interface RecomputeDifference {
  readonly figure: string;
  readonly orderLineId: string;
  readonly businessDay: string;
  readonly expected: { grossFen: number; refundFen: number; netFen: number; lines: number };
  readonly recorded: { grossFen: number; refundFen: number; netFen: number; lines: number };
}

export interface RecomputeOutcome {
  readonly factsCompared: number;
  readonly differences: RecomputeDifference[];
  readonly repairedRecords: number;
  /** Orders left out because some of their events are still waiting in the outbox. */
  readonly pendingOrders: number;
  /** Roll-up rows found out of step with the records (and rebuilt). */
  readonly rollupDifferences: number;
}

/** The key of an attribution for comparing: a line's contribution on a day to one figure, with its dimensions (never null, so it can be hash-joined). */
const KEY_COLUMNS = [
  'figure', 'order_line_id', 'business_day', 'buyer_order_id', 'supplier_order_id', 'pairing_key', 'supplier_county_code', 'buyer_city_code', 'buyer_province_code',
  'buyer_type', 'buyer_org_id', 'category_id', 'certified', 'certificate_key', 'supplier_id',
];
const KEY_SELECT = KEY_COLUMNS.map((c) => (c === 'pairing_key' ? `COALESCE(pairing_id::text, '') AS pairing_key` : c === 'certificate_key' ? `COALESCE(certificate_no, '') AS certificate_key` : c)).join(', ');
const KEY_GROUP = KEY_COLUMNS.map((_, i) => i + 1).join(', ');

/**
 * Rebuilds a range of business days from the orders themselves and compares with what the
 * incremental path recorded, line by line and day by day. Every difference is listed; with `repair`
 * a `reversal` record carrying exactly the difference is written on today's `recorded_on` (so a
 * report sent before stays reproducible with `asOf`) and the roll-ups follow. Orders whose events
 * are still in the outbox are left out (counted as pending), not reported as differences.
 *
 * Runs in one REPEATABLE READ transaction that first locks the watermark table, so no batch of the
 * drain interleaves: the orders, the outbox, the ledger and the records are read in one consistent
 * snapshot.
 */
export class StatisticsRecomputeRepository {
  constructor(private readonly db: DataSource) {}

  /** `onPhase` hears each step as it begins (for the job's progress); it must not fail the run. */
  async run(runId: string, from: string, to: string, repair: boolean, recordedOn?: string, onPhase: (phase: RecomputePhase) => Promise<void> = async () => undefined): Promise<RecomputeOutcome> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`LOCK TABLE stat_watermarks IN EXCLUSIVE MODE`);
      const tx = runner.manager;
      await onPhase('rebuilding');
      await tx.query(
        `CREATE TEMP TABLE recompute_expected ON COMMIT DROP AS
         WITH facts AS (${factsFromOrders('$1', '$2')})
         SELECT * FROM (${ATTRIBUTED}) a`,
        [from, to],
      );
      // Orders with events not yet applied are in flight: their records will come; compare them next time.
      const [{ pending }] = await tx.query(
        `WITH p AS (DELETE FROM recompute_expected x
                     WHERE EXISTS (SELECT 1 FROM outbox_events e WHERE e.aggregate_id = x.buyer_order_id
                                      AND NOT EXISTS (SELECT 1 FROM stat_event_ledger l WHERE l.event_id = e.id))
                     RETURNING x.buyer_order_id)
         SELECT count(DISTINCT buyer_order_id)::int AS pending FROM p`,
      );
      await onPhase('comparing');
      await tx.query(
        `CREATE TEMP TABLE recompute_diff ON COMMIT DROP AS
         WITH exp AS (
           SELECT ${KEY_SELECT}, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen, sum(lines) AS lines
             FROM recompute_expected GROUP BY ${KEY_GROUP}),
         rec AS (
           SELECT ${KEY_SELECT}, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen, sum(lines) AS lines
             FROM stat_attributions
            WHERE business_day BETWEEN $1::date AND $2::date
              AND buyer_order_id NOT IN (SELECT e.aggregate_id FROM outbox_events e WHERE NOT EXISTS (SELECT 1 FROM stat_event_ledger l WHERE l.event_id = e.id))
            GROUP BY ${KEY_GROUP})
         SELECT ${KEY_COLUMNS.map((c) => `COALESCE(exp.${c}, rec.${c}) AS ${c}`).join(', ')},
                COALESCE(exp.gross_fen, 0) AS exp_gross, COALESCE(exp.refund_fen, 0) AS exp_refund, COALESCE(exp.lines, 0) AS exp_lines,
                COALESCE(rec.gross_fen, 0) AS rec_gross, COALESCE(rec.refund_fen, 0) AS rec_refund, COALESCE(rec.lines, 0) AS rec_lines
           FROM exp FULL JOIN rec ON ${KEY_COLUMNS.map((c) => `exp.${c} = rec.${c}`).join(' AND ')}
          WHERE COALESCE(exp.gross_fen, 0) <> COALESCE(rec.gross_fen, 0) OR COALESCE(exp.refund_fen, 0) <> COALESCE(rec.refund_fen, 0)
             OR COALESCE(exp.lines, 0) <> COALESCE(rec.lines, 0)`,
        [from, to],
      );
      const [{ compared }] = await tx.query(`SELECT count(*)::int AS compared FROM recompute_expected`);
      const diffs: Array<Record<string, unknown>> = await tx.query(`SELECT * FROM recompute_diff ORDER BY business_day, figure, order_line_id`);
      let repaired = 0;
      if (repair && diffs.length > 0) {
        await onPhase('repairing');
        const rollups = rollupStatements('ins');
        const [{ n }] = await tx.query(
          `WITH ins AS (
             INSERT INTO stat_attributions (figure, kind, source_key, recompute_run_id, business_day, recorded_on, order_line_id, buyer_order_id, supplier_order_id, pairing_id,
                supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, buyer_org_id, category_id, certified, certificate_no, supplier_id,
                households_linked, gross_fen, refund_fen, net_fen, lines)
             SELECT d.figure, 'reversal', $1::text || ':' || row_number() OVER (ORDER BY d.business_day, d.figure, d.order_line_id, d.pairing_key, d.certificate_key), $1::uuid,
                    d.business_day, COALESCE($2::date, (now() AT TIME ZONE 'Asia/Shanghai')::date), d.order_line_id, d.buyer_order_id, d.supplier_order_id, NULLIF(d.pairing_key, '')::uuid,
                    d.supplier_county_code, d.buyer_city_code, d.buyer_province_code, d.buyer_type, d.buyer_org_id, d.category_id, d.certified, NULLIF(d.certificate_key, ''), d.supplier_id,
                    0, d.exp_gross - d.rec_gross, d.exp_refund - d.rec_refund, (d.exp_gross - d.exp_refund) - (d.rec_gross - d.rec_refund), d.exp_lines - d.rec_lines
               FROM recompute_diff d
             RETURNING *),
           daily AS (${rollups.daily}),
           monthly AS (${rollups.monthly})
           SELECT count(*)::int AS n FROM ins`,
          [runId, recordedOn ?? null],
        );
        repaired = n;
      }
      await onPhase('rollups');
      const rollupDifferences = await this.checkRollups(tx, from, to, repair);
      await runner.commitTransaction();
      return {
        factsCompared: compared,
        pendingOrders: pending,
        repairedRecords: repaired,
        rollupDifferences,
        differences: diffs.map((d) => ({
          figure: String(d.figure),
          orderLineId: String(d.order_line_id),
          businessDay: String(d.business_day),
          expected: { grossFen: Number(d.exp_gross), refundFen: Number(d.exp_refund), netFen: Number(d.exp_gross) - Number(d.exp_refund), lines: Number(d.exp_lines) },
          recorded: { grossFen: Number(d.rec_gross), refundFen: Number(d.rec_refund), netFen: Number(d.rec_gross) - Number(d.rec_refund), lines: Number(d.rec_lines) },
        })),
      };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  /**
   * The roll-ups must equal the records they summarise. Days in range whose daily rows differ are
   * rebuilt from the records (when repairing), and so are the months around them.
   */
  private async checkRollups(tx: DataSource['manager'], from: string, to: string, repair: boolean): Promise<number> {
    const bad: Array<{ business_day: string }> = await tx.query(
      `WITH rec AS (
         SELECT figure, business_day, recorded_on, COALESCE(pairing_id::text, '') AS pairing_key, supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, category_id, certified, supplier_id,
                sum(gross_fen) AS g, sum(refund_fen) AS r, sum(net_fen) AS n, sum(lines) AS l
           FROM stat_attributions WHERE business_day BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
       roll AS (
         SELECT figure, business_day, recorded_on, pairing_key, supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, category_id, certified, supplier_id,
                gross_fen AS g, refund_fen AS r, net_fen AS n, lines AS l
           FROM stat_daily WHERE business_day BETWEEN $1::date AND $2::date)
       SELECT DISTINCT COALESCE(rec.business_day, roll.business_day)::text AS business_day
         FROM rec FULL JOIN roll USING (figure, business_day, recorded_on, pairing_key, supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, category_id, certified, supplier_id)
        WHERE rec.g IS DISTINCT FROM roll.g OR rec.r IS DISTINCT FROM roll.r OR rec.n IS DISTINCT FROM roll.n OR rec.l IS DISTINCT FROM roll.l`,
      [from, to],
    );
    if (bad.length === 0 || !repair) return bad.length;
    const days = bad.map((b) => b.business_day);
    const daily = rollupStatements('r0').daily.replace('FROM r0 r', 'FROM stat_attributions r WHERE r.business_day = ANY($1::date[])');
    await tx.query(`DELETE FROM stat_daily WHERE business_day = ANY($1::date[])`, [days]);
    await tx.query(daily.replace(/ON CONFLICT[\s\S]*$/, ''), [days]);
    const months = [...new Set(days.map((d) => `${d.slice(0, 7)}-01`))];
    await tx.query(`DELETE FROM stat_monthly WHERE month = ANY($1::date[])`, [months]);
    await tx.query(
      `INSERT INTO stat_monthly (figure, month, grain, supplier_county_code, buyer_city_code, dim_key, gross_fen, refund_fen, net_fen, lines)
       ${monthlyGrainsSelect(`(SELECT * FROM stat_attributions WHERE date_trunc('month', business_day)::date = ANY($1::date[]))`)}`,
      [months],
    );
    return days.length;
  }
}

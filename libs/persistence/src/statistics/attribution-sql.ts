/**
 * The counting rules (docs/statistics.md) as SQL, shared by the incremental path (outbox events) and
 * the recomputation (the orders themselves), so that both give the same records to the fen.
 *
 * A "fact" is one thing that moves one figure for one order line:
 *   sale        figure sales:   the line, when its order is paid (card/wallet, or its invoice paid)
 *   completion  figure counted: an accepted, received line, when its order completes
 *   refund      money given back on the line (a Stripe refund, or a credit note: kind credit) AFTER the
 *   credit      line's counting moment in that figure; money given back before it is netted into the
 *               sale or completion itself (its refund_fen), so nothing is ever counted and then hidden.
 * Every fact is attributed with the dimensions as they were on the day the line counted.
 */

/** Day of a timestamp in China Standard Time. */
export const CST_DAY = (ts: string): string => `(${ts} AT TIME ZONE 'Asia/Shanghai')::date`;

/** Money given back on one line (alias `ol`) up to and including a moment: refunds that succeeded and credit notes. */
function moneyBackUntil(moment: string): string {
  return `CASE WHEN ol.refunded_fen + ol.credited_fen = 0 THEN 0 ELSE COALESCE((
      SELECT sum(mb.amount) FROM (
        SELECT r.amount_fen AS amount, c.settled_at AS at FROM claims c JOIN refunds r ON r.claim_id = c.id AND r.status = 'succeeded' WHERE c.order_line_id = ol.id
        UNION ALL
        SELECT cn.amount_fen, c.settled_at FROM claims c JOIN credit_notes cn ON cn.claim_id = c.id WHERE c.order_line_id = ol.id
      ) mb WHERE mb.at <= ${moment}), 0) END`;
}

/** Money given back per claim, with the line it belongs to. */
const MONEY_BACK = `(
  SELECT c.id AS claim_id, c.order_line_id AS line_id, 'refund'::varchar AS kind, r.amount_fen AS amount, c.settled_at AS at
    FROM claims c JOIN refunds r ON r.claim_id = c.id AND r.status = 'succeeded'
   WHERE c.order_line_id IS NOT NULL
  UNION ALL
  SELECT c.id, c.order_line_id, 'credit'::varchar, cn.amount_fen, c.settled_at
    FROM claims c JOIN credit_notes cn ON cn.claim_id = c.id
   WHERE c.order_line_id IS NOT NULL)`;

/**
 * Columns of a fact: figure, kind, source_key, order_line_id, counted_at (the line's counting moment
 * in the figure: what decides its dimensions), at (the fact's own moment: its business day),
 * gross_fen, refund_fen, lines, event_id.
 */
export interface FactSources {
  /** SQL selecting sale facts; `ol` line, `bo` order in scope. */
  readonly sales: string;
  readonly completions: string;
  readonly moneyBack: string;
}

const SALE_COLUMNS = `'sales'::varchar AS figure, 'sale'::varchar AS kind, ''::varchar AS source_key, ol.id AS order_line_id, bo.paid_at AS counted_at, bo.paid_at AS at,
       ol.line_fen AS gross_fen, ${moneyBackUntil('bo.paid_at')} AS refund_fen, 1 AS lines`;
const COMPLETION_COLUMNS = `'counted'::varchar, 'completion'::varchar, ''::varchar, ol.id, bo.completed_at, bo.completed_at,
       ol.line_fen, ${moneyBackUntil('bo.completed_at')}, 1`;
/** A line counts in `counted` only when accepted by the cooperative and received by the buyer. */
const COUNTED_ELIGIBLE = `ol.status = 'accepted' AND so.status = 'received'`;
const MONEY_BACK_COLUMNS = `f.figure, mb.kind, mb.claim_id::text, ol.id, f.counted_at, mb.at, 0::bigint, mb.amount, 0`;
const MONEY_BACK_FIGURES = `CROSS JOIN LATERAL (VALUES ('sales'::varchar, bo.paid_at, true), ('counted'::varchar, bo.completed_at, ${COUNTED_ELIGIBLE})) f(figure, counted_at, eligible)`;
const MONEY_BACK_WHEN = `f.eligible AND f.counted_at IS NOT NULL AND f.counted_at < mb.at`;

/** Facts of a batch of outbox events (a CTE `ev` with id, type, aggregate_id, payload). */
export function factsFromEvents(): string {
  return `
    SELECT ${SALE_COLUMNS}, e.id AS event_id
      FROM ev e JOIN buyer_orders bo ON bo.id = e.aggregate_id JOIN order_lines ol ON ol.buyer_order_id = bo.id
     WHERE e.type IN ('order.paid', 'invoice.paid') AND bo.paid_at IS NOT NULL
    UNION ALL
    SELECT ${COMPLETION_COLUMNS}, e.id
      FROM ev e JOIN buyer_orders bo ON bo.id = e.aggregate_id
      JOIN supplier_orders so ON so.buyer_order_id = bo.id JOIN order_lines ol ON ol.supplier_order_id = so.id
     WHERE e.type = 'order.completed' AND bo.completed_at IS NOT NULL AND ${COUNTED_ELIGIBLE}
    UNION ALL
    SELECT ${MONEY_BACK_COLUMNS}, e.id
      FROM ev e JOIN ${MONEY_BACK} mb ON mb.claim_id = (e.payload->>'claimId')::uuid
      JOIN order_lines ol ON ol.id = mb.line_id JOIN supplier_orders so ON so.id = ol.supplier_order_id JOIN buyer_orders bo ON bo.id = ol.buyer_order_id
      ${MONEY_BACK_FIGURES}
     WHERE e.type IN ('order.refunded', 'line.credited') AND ${MONEY_BACK_WHEN}`;
}

/** Facts whose own moment falls on a business day in [$from, $to] (parameters given as SQL), from the orders alone. */
export function factsFromOrders(from: string, to: string): string {
  const start = `(${from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const end = `((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  return `
    SELECT ${SALE_COLUMNS}, NULL::bigint AS event_id
      FROM buyer_orders bo JOIN order_lines ol ON ol.buyer_order_id = bo.id
     WHERE bo.paid_at >= ${start} AND bo.paid_at < ${end}
    UNION ALL
    SELECT ${COMPLETION_COLUMNS}, NULL::bigint
      FROM buyer_orders bo JOIN supplier_orders so ON so.buyer_order_id = bo.id JOIN order_lines ol ON ol.supplier_order_id = so.id
     WHERE bo.completed_at >= ${start} AND bo.completed_at < ${end} AND ${COUNTED_ELIGIBLE}
    UNION ALL
    SELECT ${MONEY_BACK_COLUMNS}, NULL::bigint
      FROM ${MONEY_BACK} mb
      JOIN order_lines ol ON ol.id = mb.line_id JOIN supplier_orders so ON so.id = ol.supplier_order_id JOIN buyer_orders bo ON bo.id = ol.buyer_order_id
      ${MONEY_BACK_FIGURES}
     WHERE mb.at >= ${start} AND mb.at < ${end} AND ${MONEY_BACK_WHEN}`;
}

/**
 * Attribution of facts (a CTE `facts`): the columns of stat_attributions except recorded_on, event
 * and run ids. Only lines whose supplier's county was a helped county on the counting day count.
 */
export const ATTRIBUTED = `
  SELECT f.figure, f.kind, f.source_key, f.event_id, ${CST_DAY('f.at')} AS business_day,
         ol.id AS order_line_id, ol.buyer_order_id, ol.supplier_order_id, pr.pairing_id,
         so.supplier_county_code, bo.site_city_code AS buyer_city_code, bo.site_province_code AS buyer_province_code,
         bo.buyer_type, bo.organisation_id AS buyer_org_id, ol.category_id,
         cert.certificate_no IS NOT NULL AS certified, cert.certificate_no, so.supplier_id,
         COALESCE(s.households_lifted + s.households_monitored + s.households_at_risk, 0) AS households_linked,
         f.gross_fen::bigint AS gross_fen, f.refund_fen::bigint AS refund_fen, (f.gross_fen - f.refund_fen)::bigint AS net_fen, f.lines
    FROM facts f
    JOIN order_lines ol ON ol.id = f.order_line_id
    JOIN supplier_orders so ON so.id = ol.supplier_order_id
    JOIN buyer_orders bo ON bo.id = ol.buyer_order_id
    LEFT JOIN organisations s ON s.id = so.supplier_id
    CROSS JOIN LATERAL (SELECT ${CST_DAY('f.counted_at')} AS day) d
    LEFT JOIN LATERAL (
      SELECT p.id AS pairing_id
        FROM pairing_counties pc JOIN pairings p ON p.id = pc.pairing_id
       WHERE pc.county_code = so.supplier_county_code
         AND d.day >= pc.valid_from AND (pc.valid_to IS NULL OR d.day <= pc.valid_to)
         AND d.day >= p.valid_from AND (p.valid_to IS NULL OR d.day <= p.valid_to)
         AND p.east_division_code IN (bo.site_county_code, bo.site_city_code, bo.site_province_code)
       ORDER BY (p.east_division_code = bo.site_county_code) DESC, (p.east_division_code = bo.site_city_code) DESC, p.id
       LIMIT 1) pr ON true
    LEFT JOIN LATERAL (
      SELECT c.certificate_no
        FROM certifications c
       WHERE c.product_id = ol.product_id AND c.status IN ('certified', 'revoked') AND c.certificate_no IS NOT NULL
         AND c.valid_from <= d.day AND c.valid_to >= d.day AND (c.revoked_on IS NULL OR d.day < c.revoked_on)
       ORDER BY c.valid_from DESC, c.certificate_no
       LIMIT 1) cert ON true
   WHERE EXISTS (
      SELECT 1 FROM pairing_counties pc JOIN pairings p ON p.id = pc.pairing_id
       WHERE pc.county_code = so.supplier_county_code
         AND d.day >= pc.valid_from AND (pc.valid_to IS NULL OR d.day <= pc.valid_to)
         AND d.day >= p.valid_from AND (p.valid_to IS NULL OR d.day <= p.valid_to))`;

export const RECORD_COLUMNS = `figure, kind, source_key, event_id, business_day, order_line_id, buyer_order_id, supplier_order_id, pairing_id,
  supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, buyer_org_id, category_id, certified, certificate_no, supplier_id,
  households_linked, gross_fen, refund_fen, net_fen, lines`;

/**
 * The monthly grains: which place code and which other dimension each keeps. West grains serve a
 * western jurisdiction (supplier county), east grains an eastern one (buyer site city); grain 0 keeps
 * both codes and serves every grouping by time or place.
 */
export const GRAIN_DIMENSIONS = ['pairing', 'category', 'buyerType', 'certified', 'supplier'] as const;
export type GrainDimension = (typeof GRAIN_DIMENSIONS)[number];

/** SQL of a record's key for a grain dimension (alias `r` for a record or stat_daily row). */
export const GRAIN_KEY_SQL: Record<GrainDimension, string> = {
  pairing: `COALESCE(r.pairing_id::text, '')`,
  category: `r.category_id::text`,
  buyerType: `r.buyer_type`,
  certified: `CASE WHEN r.certified THEN 't' ELSE 'f' END`,
  supplier: `r.supplier_id::text`,
};

export function grainOf(side: 'west' | 'east', dimension: GrainDimension | null): number {
  if (dimension === null) return 0;
  return (side === 'west' ? 1 : 1 + GRAIN_DIMENSIONS.length) + GRAIN_DIMENSIONS.indexOf(dimension);
}

/** The grouping columns of the monthly roll-up, in the order GROUPING() reports them. */
const GRAIN_COLUMNS = ['county', 'city', 'pairing', 'category', 'buyer_type', 'certified', 'supplier'] as const;
const GRAIN_COLUMN_OF: Record<GrainDimension, (typeof GRAIN_COLUMNS)[number]> = { pairing: 'pairing', category: 'category', buyerType: 'buyer_type', certified: 'certified', supplier: 'supplier' };

/** Every grain with the columns it keeps. */
export function grainSets(): Array<{ grain: number; columns: Array<(typeof GRAIN_COLUMNS)[number]> }> {
  const sets: Array<{ grain: number; columns: Array<(typeof GRAIN_COLUMNS)[number]> }> = [{ grain: 0, columns: ['county', 'city'] }];
  for (const d of GRAIN_DIMENSIONS) sets.push({ grain: grainOf('west', d), columns: ['county', GRAIN_COLUMN_OF[d]] });
  for (const d of GRAIN_DIMENSIONS) sets.push({ grain: grainOf('east', d), columns: ['city', GRAIN_COLUMN_OF[d]] });
  return sets;
}

/** GROUPING(county, city, …) of a grain: a bit set for each column the grain leaves out. */
function groupingMask(columns: readonly string[]): number {
  return GRAIN_COLUMNS.reduce((mask, c, i) => (columns.includes(c) ? mask : mask | (1 << (GRAIN_COLUMNS.length - 1 - i))), 0);
}

/**
 * Monthly grains of a set of records (alias `r`), in one pass with GROUPING SETS: rows of
 * (figure, month, grain, supplier_county_code, buyer_city_code, dim_key, sums).
 */
export function monthlyGrainsSelect(source: string): string {
  const sets = grainSets();
  const expr: Record<(typeof GRAIN_COLUMNS)[number], string> = {
    county: 'r.supplier_county_code::varchar',
    city: 'r.buyer_city_code::varchar',
    pairing: GRAIN_KEY_SQL.pairing,
    category: GRAIN_KEY_SQL.category,
    buyer_type: `${GRAIN_KEY_SQL.buyerType}::varchar`,
    certified: GRAIN_KEY_SQL.certified,
    supplier: GRAIN_KEY_SQL.supplier,
  };
  return `SELECT x.figure, x.month, CASE x.gmask ${sets.map((g) => `WHEN ${groupingMask(g.columns)} THEN ${g.grain}`).join(' ')} END AS grain,
           COALESCE(x.county, '') AS county, COALESCE(x.city, '') AS city, COALESCE(x.pairing, x.category, x.buyer_type, x.certified, x.supplier, '') AS dim_key,
           x.gross_fen, x.refund_fen, x.net_fen, x.lines
      FROM (SELECT r.figure, date_trunc('month', r.business_day)::date AS month, ${GRAIN_COLUMNS.map((c) => `${expr[c]} AS ${c}`).join(', ')},
                   sum(r.gross_fen) AS gross_fen, sum(r.refund_fen) AS refund_fen, sum(r.net_fen) AS net_fen, sum(r.lines) AS lines,
                   GROUPING(${GRAIN_COLUMNS.map((c) => expr[c]).join(', ')}) AS gmask
              FROM ${source} r
             GROUP BY r.figure, date_trunc('month', r.business_day)::date, GROUPING SETS (${sets.map((g) => `(${g.columns.map((c) => expr[c]).join(', ')})`).join(', ')})) x`;
}

/** Upserts of the daily and monthly roll-ups from a CTE of new records named `source`. */
export function rollupStatements(source: string): { daily: string; monthly: string } {
  return {
    daily: `INSERT INTO stat_daily (figure, business_day, recorded_on, pairing_key, supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, category_id, certified, supplier_id, gross_fen, refund_fen, net_fen, lines)
      SELECT r.figure, r.business_day, r.recorded_on, COALESCE(r.pairing_id::text, ''), r.supplier_county_code, r.buyer_city_code, r.buyer_province_code, r.buyer_type, r.category_id, r.certified, r.supplier_id,
             sum(r.gross_fen), sum(r.refund_fen), sum(r.net_fen), sum(r.lines)
        FROM ${source} r
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      ON CONFLICT (figure, business_day, recorded_on, pairing_key, supplier_county_code, buyer_city_code, buyer_province_code, buyer_type, category_id, certified, supplier_id)
      DO UPDATE SET gross_fen = stat_daily.gross_fen + EXCLUDED.gross_fen, refund_fen = stat_daily.refund_fen + EXCLUDED.refund_fen,
                    net_fen = stat_daily.net_fen + EXCLUDED.net_fen, lines = stat_daily.lines + EXCLUDED.lines`,
    monthly: `INSERT INTO stat_monthly (figure, month, grain, supplier_county_code, buyer_city_code, dim_key, gross_fen, refund_fen, net_fen, lines)
      ${monthlyGrainsSelect(source)}
      ON CONFLICT (figure, month, grain, supplier_county_code, buyer_city_code, dim_key)
      DO UPDATE SET gross_fen = stat_monthly.gross_fen + EXCLUDED.gross_fen, refund_fen = stat_monthly.refund_fen + EXCLUDED.refund_fen,
                    net_fen = stat_monthly.net_fen + EXCLUDED.net_fen, lines = stat_monthly.lines + EXCLUDED.lines`,
  };
}

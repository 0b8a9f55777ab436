import { addDays } from '@shanhai/domain';
import { GRAIN_DIMENSIONS, GrainDimension, grainOf } from '@shanhai/persistence';

export const GROUP_BYS = ['day', 'month', 'year', 'pairing', 'supplierCounty', 'buyerCity', 'buyerProvince', 'category', 'buyerType', 'supplier', 'certified'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const FILTERS = ['pairing', 'supplierCounty', 'buyerCity', 'buyerProvince', 'category', 'buyerType', 'supplier', 'certified'] as const;
export type FilterName = (typeof FILTERS)[number];

/** Whose figures: everything (operator), or a jurisdiction seen from its side of the pairing. */
export type StatisticsScope = { readonly kind: 'all' } | { readonly kind: 'jurisdiction'; readonly side: 'west' | 'east'; readonly prefix: string };

export interface TotalsQuery {
  readonly figure: 'counted' | 'sales';
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  /** Figures as recorded by the end of this day; null for now. */
  readonly asOf: string | null;
  readonly filters: Partial<Record<FilterName, string>>;
  readonly scope: StatisticsScope;
}

export interface TotalsPlan {
  /** Which roll-ups answer: whole months from the monthly grains, other days from the daily roll-up. */
  readonly source: 'monthly' | 'daily' | 'monthly+daily';
  readonly sql: string;
  readonly params: unknown[];
}

const GRAIN_OF_FILTER: Partial<Record<GroupBy | FilterName, GrainDimension>> = { pairing: 'pairing', category: 'category', buyerType: 'buyerType', supplier: 'supplier', certified: 'certified' };

/** Columns every source yields: t (day or month), county, city, pairing, category, buyer_type, certified, supplier (text), and the sums. */
const KEY_SQL: Record<GroupBy, string> = {
  day: `to_char(s.t, 'YYYY-MM-DD')`,
  month: `to_char(s.t, 'YYYY-MM')`,
  year: `to_char(s.t, 'YYYY')`,
  pairing: `COALESCE(NULLIF(s.pairing, ''), 'none')`,
  supplierCounty: `s.county`,
  buyerCity: `s.city`,
  buyerProvince: `left(s.city, 2) || '0000'`,
  category: `s.category`,
  buyerType: `s.buyer_type`,
  supplier: `s.supplier`,
  certified: `CASE s.certified WHEN 't' THEN 'true' ELSE 'false' END`,
};

const FILTER_SQL: Record<FilterName, (p: string) => string> = {
  pairing: (p) => `COALESCE(NULLIF(s.pairing, ''), 'none') = ${p}`,
  supplierCounty: (p) => `s.county = ${p}`,
  buyerCity: (p) => `s.city = ${p}`,
  buyerProvince: (p) => `left(s.city, 2) || '0000' = ${p}`,
  category: (p) => `s.category = ${p}`,
  buyerType: (p) => `s.buyer_type = ${p}`,
  supplier: (p) => `s.supplier = ${p}`,
  certified: (p) => `CASE s.certified WHEN 't' THEN 'true' ELSE 'false' END = ${p}`,
};

const DAILY_SOURCE = `SELECT d.business_day AS t, d.supplier_county_code::text AS county, d.buyer_city_code::text AS city, d.pairing_key AS pairing, d.category_id::text AS category,
         d.buyer_type::text AS buyer_type, CASE WHEN d.certified THEN 't' ELSE 'f' END AS certified, d.supplier_id::text AS supplier,
         d.gross_fen, d.refund_fen, d.net_fen, d.lines
    FROM stat_daily d`;

function monthlySource(grain: number, dimension: GrainDimension | null): string {
  const col = (d: GrainDimension) => (dimension === d ? 'm.dim_key' : 'NULL::text');
  return `SELECT m.month AS t, NULLIF(m.supplier_county_code, '') AS county, NULLIF(m.buyer_city_code, '') AS city, ${col('pairing')} AS pairing, ${col('category')} AS category,
         ${col('buyerType')} AS buyer_type, ${col('certified')} AS certified, ${col('supplier')} AS supplier,
         m.gross_fen, m.refund_fen, m.net_fen, m.lines
    FROM stat_monthly m WHERE m.grain = ${grain}`;
}

const firstOfMonth = (day: string): boolean => day.endsWith('-01');
const lastOfMonth = (day: string): boolean => addDays(day, 1).endsWith('-01');
const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/**
 * The monthly grain that holds everything a query needs, or null when only the daily roll-up does:
 * at most one non-place dimension, and the place codes the scope and the query use.
 */
export function chooseGrain(query: Pick<TotalsQuery, 'groupBy' | 'filters' | 'scope'>): number | null {
  const used = [query.groupBy, ...Object.keys(query.filters)] as Array<GroupBy | FilterName>;
  const dims = [...new Set(used.map((u) => GRAIN_OF_FILTER[u]).filter((d): d is GrainDimension => d !== undefined))];
  if (dims.length > 1) return null;
  const needsCounty = (query.scope.kind === 'jurisdiction' && query.scope.side === 'west') || used.includes('supplierCounty');
  const needsCity = (query.scope.kind === 'jurisdiction' && query.scope.side === 'east') || used.includes('buyerCity') || used.includes('buyerProvince');
  if (dims.length === 0) return 0;
  if (!needsCity) return grainOf('west', dims[0]);
  if (!needsCounty) return grainOf('east', dims[0]);
  return null;
}

/** Splits [from, to] into whole months (first and last month start) and the days around them. */
export function splitMonths(from: string, to: string): { months: [string, string] | null; days: Array<[string, string]> } {
  const firstWhole = firstOfMonth(from) ? from : monthStart(addDays(monthStart(from), 32));
  const lastWholeEnd = lastOfMonth(to) ? to : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [[from, to]] };
  const days: Array<[string, string]> = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to]);
  return { months: [firstWhole, monthStart(lastWholeEnd)], days };
}

/**
 * Builds the SQL of a totals query: rows (key, gross_fen, refund_fen, net_fen, lines) grouped by the
 * key. Reads roll-ups only, never order lines: whole months from the narrow monthly grains when no
 * `asOf` is asked and the grain suffices, everything else from the daily roll-up.
 */
export function planTotals(query: TotalsQuery, today: string): TotalsPlan {
  const params: unknown[] = [query.figure];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const grain = query.asOf === null || query.asOf >= today ? chooseGrain(query) : null;
  const useMonthly = grain !== null && query.groupBy !== 'day';
  const parts: string[] = [];
  let source: TotalsPlan['source'] = 'daily';
  if (useMonthly) {
    const split = splitMonths(query.from, query.to);
    const dimension = grain === 0 ? null : GRAIN_DIMENSIONS[(grain - 1) % GRAIN_DIMENSIONS.length];
    if (split.months) {
      parts.push(`${monthlySource(grain, dimension)} AND m.figure = $1 AND m.month BETWEEN ${p(split.months[0])}::date AND ${p(split.months[1])}::date`);
    }
    for (const [a, b] of split.days) parts.push(`${DAILY_SOURCE} WHERE d.figure = $1 AND d.business_day BETWEEN ${p(a)}::date AND ${p(b)}::date`);
    source = split.months ? (split.days.length ? 'monthly+daily' : 'monthly') : 'daily';
  } else {
    const asOf = query.asOf === null ? '' : ` AND d.recorded_on <= ${p(query.asOf)}::date`;
    parts.push(`${DAILY_SOURCE} WHERE d.figure = $1 AND d.business_day BETWEEN ${p(query.from)}::date AND ${p(query.to)}::date${asOf}`);
  }
  const where: string[] = [];
  if (query.scope.kind === 'jurisdiction') where.push(`${query.scope.side === 'west' ? 's.county' : 's.city'} LIKE ${p(`${query.scope.prefix}%`)}`);
  for (const [name, value] of Object.entries(query.filters) as Array<[FilterName, string]>) where.push(FILTER_SQL[name](p(value)));
  const sql = `SELECT ${KEY_SQL[query.groupBy]} AS key, sum(s.gross_fen)::bigint AS gross_fen, sum(s.refund_fen)::bigint AS refund_fen, sum(s.net_fen)::bigint AS net_fen, sum(s.lines)::bigint AS lines
    FROM (${parts.join('\n    UNION ALL\n    ')}) s
   ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
   GROUP BY 1`;
  return { source, sql, params };
}

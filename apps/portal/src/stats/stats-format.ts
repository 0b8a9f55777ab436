import { isIsoDay, todayInChina } from '../common/format';
import type { Figure, GroupBy } from './stats-views';

/**
 * Basis points (10000 = 100%) as a percentage with two decimals, by integer arithmetic: 1234 → "12.34%",
 * 5 → "0.05%", -250 → "-2.50%".
 */
export function formatBasisPoints(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(bp));
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/**
 * A part's share of a whole in basis points, rounded down, in BigInt so that amounts of ¥100 bn times 10000 stay
 * exact. Null when the whole is not positive (no share to speak of).
 */
export function shareBasisPoints(partFen: number, wholeFen: number): number | null {
  if (wholeFen <= 0) return null;
  return Number((BigInt(partFen) * 10000n) / BigInt(wholeFen));
}

/** Whole yuan of an amount in fen, for chart axes ("¥12,345"); the tables carry the exact amounts. */
export function wholeYuanLabel(fen: number, language: string): string {
  return `¥${new Intl.NumberFormat(language).format(Math.trunc(fen / 100))}`;
}

/** What the dashboard shows, as kept in the address: range, "as of" day and figure. */
export interface StatsFilters {
  readonly from: string;
  readonly to: string;
  readonly asOf: string | null;
  readonly figure: Figure;
}

export const GROUP_BYS: readonly GroupBy[] = [
  'day',
  'month',
  'year',
  'pairing',
  'supplierCounty',
  'buyerCity',
  'buyerProvince',
  'category',
  'buyerType',
  'supplier',
  'certified',
];

/** The filters from the address, with this year so far (China time) and the counted figure by default. */
export function filtersFrom(params: URLSearchParams, today: string = todayInChina()): StatsFilters {
  const day = (name: string) => {
    const v = params.get(name);
    return v && isIsoDay(v) ? v : null;
  };
  const to = day('to') ?? today;
  const from = day('from') ?? `${to.slice(0, 4)}-01-01`;
  return {
    from: from <= to ? from : `${to.slice(0, 4)}-01-01`,
    to,
    asOf: day('asOf'),
    figure: params.get('figure') === 'sales' ? 'sales' : 'counted',
  };
}

/** The filters as query parameters, leaving out the defaults' absence of "as of". */
export function filterParams(filters: StatsFilters, extra: Record<string, string | number | undefined> = {}): URLSearchParams {
  const out = new URLSearchParams({
    from: filters.from,
    to: filters.to,
    figure: filters.figure,
  });
  if (filters.asOf) out.set('asOf', filters.asOf);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') out.set(k, String(v));
  return out;
}

/** The API's query for totals, lines or export (only the parameters it knows). */
export function apiQuery(filters: StatsFilters) {
  return {
    from: filters.from,
    to: filters.to,
    figure: filters.figure,
    ...(filters.asOf ? { asOf: filters.asOf } : {}),
  };
}

export function isGroupBy(value: string | null): value is GroupBy {
  return value !== null && (GROUP_BYS as readonly string[]).includes(value);
}

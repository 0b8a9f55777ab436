/**
 * Pure rules behind the officials' figures (DESIGN.md, counting rules 2 and 4). Amounts are fen;
 * ratios are basis points (1 bp = 0.01%) so that nothing here needs a float.
 */
export const FIGURES = ['counted', 'sales'] as const;
export type Figure = (typeof FIGURES)[number];

/** The minimum reserved share of a public buyer's canteen food budget: 10%, in per-mille. */
export const MIN_RESERVED_SHARE_PERMILLE = 100;
export const ENCOURAGED_RESERVED_SHARE_PERMILLE = 150;

function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** Day of the year of an ISO day, 1 for 1 January. */
export function dayOfYear(day: string): number {
  const d = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((d - Date.UTC(Number(day.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
}

/**
 * Year-end projection from the run rate: the amount so far, spread over the days elapsed, extended
 * to the whole year (rounded half up to the fen). Plain and explainable; seasonality is not modelled.
 */
export function projectYearEndFen(amountSoFarFen: number, asOfDay: string): number {
  const year = Number(asOfDay.slice(0, 4));
  const elapsed = dayOfYear(asOfDay);
  const total = daysInYear(year);
  const num = BigInt(amountSoFarFen) * BigInt(total) * 2n + BigInt(elapsed);
  return Number(num / (BigInt(elapsed) * 2n));
}

/** progress = part ÷ whole, in basis points, rounded down (10000 = 100%). Null when there is no whole. */
export function progressBasisPoints(partFen: number, wholeFen: number): number | null {
  if (wholeFen <= 0) return null;
  return Number((BigInt(partFen) * 10_000n) / BigInt(wholeFen));
}

/** The reserved amount of a budget at a share in per-mille, rounded half up to the fen. */
export function reservedAmountFen(budgetFen: number, sharePermille: number): number {
  return Number((BigInt(budgetFen) * BigInt(sharePermille) * 2n + 1000n) / 2000n);
}

export function isAcceptableReservedShare(sharePermille: number, jurisdictionMinimumPermille = MIN_RESERVED_SHARE_PERMILLE): boolean {
  return Number.isInteger(sharePermille) && sharePermille >= Math.max(MIN_RESERVED_SHARE_PERMILLE, jurisdictionMinimumPermille) && sharePermille <= 1000;
}

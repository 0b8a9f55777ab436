/**
 * Number handling for the reserved share (预留份额), by integer and string arithmetic only: a budget typed in
 * yuan becomes integer fen (`parseYuanToFen` from the UI kit), a share typed as a percent with at most one
 * decimal becomes per-mille, and progress in basis points (10000 = 100%) becomes a percent for display.
 */

/** Buyer types that are public budget units (预算单位) and file a reserved share (the API answers 409 NOT_A_PUBLIC_BUYER for others). */
export const PUBLIC_BUYER_TYPES = ['government', 'school', 'hospital'] as const;

export function isPublicBuyerType(buyerType: string | null | undefined): boolean {
  return (PUBLIC_BUYER_TYPES as readonly string[]).includes(buyerType ?? '');
}

/** The national minimum: 10% (100‰); 15% (150‰) is encouraged. */
export const NATIONAL_MINIMUM_PERMILLE = 100;
export const ENCOURAGED_PERMILLE = 150;

/**
 * A percent as typed ("15", "12.5", "15%", " 20 ") to per-mille (150, 125, 150, 200). Null for anything that
 * is not a number from 0 to 100 with at most one decimal ("12.55", "abc", "101", "").
 */
export function parsePercentToPermille(text: string): number | null {
  const match = /^(\d{1,3})(?:[.。](\d?))?$/.exec(text.trim().replace(/\s/g, '').replace(/[%％]$/, ''));
  if (!match) return null;
  const permille = Number(match[1]) * 10 + Number(match[2] || '0');
  return permille <= 1000 ? permille : null;
}

/** Per-mille back to a percent without the sign: 150 → "15", 125 → "12.5". */
export function permilleToPercentText(permille: number): string {
  const whole = Math.trunc(permille / 10);
  const tenth = Math.abs(permille % 10);
  return tenth === 0 ? String(whole) : `${whole}.${tenth}`;
}

/** Basis points as a percent with two decimals, integer arithmetic only: 1234 → "12.34%", 10000 → "100.00%", -50 → "-0.50%". */
export function formatBasisPoints(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(basisPoints));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** How far to fill a progress bar, 0–100 (a figure over the target fills it; a negative one leaves it empty). */
export function barPercent(basisPoints: number | null): number {
  if (basisPoints === null || basisPoints <= 0) return 0;
  return Math.min(100, Math.floor(basisPoints / 100));
}

/** The calendar year in China (the API counts business days in China Standard Time). */
export function chinaYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** A `?year=` value the API accepts (2000–2100), or the fallback. */
export function parseYearParam(value: string | null, fallback: number): number {
  if (!value || !/^\d{4}$/.test(value)) return fallback;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : fallback;
}

/** The minimum the API names in its 400 reason ("… at least 12% (120‰) …"), or null. */
export function minimumFromReason(reason: string): number | null {
  const match = /\((\d+)‰\)/.exec(reason);
  return match ? Number(match[1]) : null;
}

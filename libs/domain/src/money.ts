/**
 * Money is an integer number of minor units (fen, 分) with an ISO 4217 currency.
 * JavaScript numbers hold integers exactly up to 2^53 − 1 fen (≈ ¥90 trillion), far above any
 * figure this platform handles, so `number` is used with a safe-integer check at every boundary.
 */
export const CURRENCIES = ['CNY'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'CNY';

export interface Money {
  readonly amountFen: number;
  readonly currency: Currency;
}

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertFen(value: number, what = 'amount'): number {
  if (!isFen(value)) throw new MoneyError(`${what} must be an integer number of fen, got ${value}`);
  return value;
}

export function money(amountFen: number, currency: Currency = DEFAULT_CURRENCY): Money {
  return { amountFen: assertFen(amountFen), currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountFen + b.amountFen, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountFen - b.amountFen, a.currency);
}

/** Unit price times an integer quantity; never a fractional multiplier. */
export function multiplyMoney(unit: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`quantity must be an integer, got ${quantity}`);
  return money(unit.amountFen * quantity, unit.currency);
}

export function sumMoney(items: readonly Money[], currency: Currency = DEFAULT_CURRENCY): Money {
  return items.reduce((acc, m) => addMoney(acc, m), money(0, currency));
}

/**
 * Splits an amount over weights by the largest-remainder method, so the parts are integers that add
 * up exactly to the whole (used to spread a delivery fee or a discount over lines).
 */
export function allocateFen(totalFen: number, weights: readonly number[]): number[] {
  assertFen(totalFen, 'total');
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new MoneyError('weights must be non-negative integers');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) throw new MoneyError('weights must not all be zero');
  const sign = totalFen < 0 ? -1 : 1;
  const abs = Math.abs(totalFen);
  // BigInt keeps abs × weight exact even when the product passes 2^53.
  const shares = weights.map((w) => {
    const exact = BigInt(abs) * BigInt(w);
    return { floor: Number(exact / BigInt(weightSum)), rem: Number(exact % BigInt(weightSum)) };
  });
  let left = abs - shares.reduce((a, s) => a + s.floor, 0);
  const order = shares.map((s, i) => ({ i, rem: s.rem })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const parts = shares.map((s) => s.floor);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts.map((p) => p * sign);
}

/** "¥1,234.50" style text for people; the API itself always carries integer fen. */
export function formatYuan(amountFen: number): string {
  assertFen(amountFen);
  const negative = amountFen < 0;
  const abs = Math.abs(amountFen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

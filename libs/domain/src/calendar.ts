/**
 * Business days are calendar days in China Standard Time (UTC+8, no daylight saving): an order paid
 * at 01:00 in Beijing on the 2nd belongs to the 2nd, even though it is still the 1st in UTC.
 */
const CST_OFFSET_MS = 8 * 3600_000;

export function businessDay(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

import { businessDay } from '@shanhai/domain';

/** A whole number as people of the language write it (1,200). */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A timestamp in China time, which is what cooperatives, buyers and officials agree days in. */
export function formatChinaTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The calendar day of a date or of a timestamp the API sends for one (`2026-12-01T00:00:00.000Z`). */
export function dateOnly(value: string): string {
  return value.slice(0, 10);
}

/** Today in China Standard Time, as the API counts business days. */
export function todayInChina(now: Date = new Date()): string {
  return businessDay(now);
}

/**
 * Kilograms as people type them ("10", "2.5", "0.25") to integer grams, by string arithmetic so "0.1" is exactly
 * 100 g. Null for anything that is not a positive amount with at most three decimals.
 */
export function parseKgToGrams(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{0,3}))?$/.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!match) return null;
  const grams = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return grams > 0 ? grams : null;
}

/** Grams back to an input value: "10" for 10000, "2.5" for 2500, "0.25" for 250. */
export function gramsToKgInput(grams: number): string {
  if (!Number.isSafeInteger(grams) || grams <= 0) return '';
  const kg = Math.floor(grams / 1000);
  const rest = grams % 1000;
  return rest === 0 ? String(kg) : `${kg}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

/**
 * A whole number typed into a field: null when empty, NaN when not a whole number (so the form can say so), the
 * number otherwise. Full-width digits are accepted, as Chinese input methods often type them.
 */
export function parseWholeNumber(text: string): number | null {
  const normalised = text.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (normalised === '') return null;
  return /^\d{1,9}$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** YYYY-MM-DD that is a real calendar day. */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A month's short name in the language: "1月" in Chinese, "Jan" in English. */
export function monthLabel(month: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 15)));
}

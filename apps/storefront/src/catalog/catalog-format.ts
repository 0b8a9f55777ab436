import type { Language } from '@shanhai/ui';

/** Net weight in grams, as a buyer reads it: "10 kg", "2.5 kg", "500 g" (公斤/克 in Chinese). */
export function formatWeight(grams: number, language: Language): string {
  const [kg, g] = language === 'en' ? ['kg', 'g'] : ['公斤', '克'];
  if (grams < 1000) return `${grams} ${g}`;
  const whole = Math.floor(grams / 1000);
  const rest = String(grams % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${rest ? `${whole}.${rest}` : whole} ${kg}`;
}

/** Months of the year as short names ("8月", "Aug"); all twelve read as the whole year. */
export function formatSeasons(months: readonly number[], language: Language, allYear: string): string {
  const sorted = [...new Set(months)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  if (sorted.length === 12) return allYear;
  const name = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  return sorted.map((m) => name.format(Date.UTC(2000, m - 1, 1))).join(language === 'en' ? ', ' : '、');
}

export function monthName(month: number, language: Language): string {
  // zh-CN "long" months are 十一月; buyers and suppliers write 11月.
  return new Intl.DateTimeFormat(language, { month: language === 'en' ? 'long' : 'short', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}

export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(language);
}

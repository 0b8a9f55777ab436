/** Currencies whose smallest unit is the unit itself (Stripe's zero-decimal list). */
const ZERO_DECIMAL = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf',
]);

const SYMBOLS: Record<string, string> = { cny: '¥', usd: '$', eur: '€', gbp: '£', hkd: 'HK$', jpy: '¥', sgd: 'S$' };

/**
 * Integer minor units → display string (`123456`, `cny` → `¥1,234.56`). Integer arithmetic
 * only, so fen never pick up floating-point noise on the way to yuan.
 */
export function formatAmount(amount: number, currency: string): string {
  const code = currency.toLowerCase();
  const digits = ZERO_DECIMAL.has(code) ? 0 : 2;
  const absolute = Math.abs(amount);
  const scale = 10 ** digits;
  const major = String(Math.floor(absolute / scale)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const minor = String(absolute % scale).padStart(digits, '0');
  const number = digits > 0 ? `${major}.${minor}` : major;
  const symbol = SYMBOLS[code] ?? `${code.toUpperCase()} `;
  return `${amount < 0 ? '-' : ''}${symbol}${number}`;
}

import { formatAmount } from './format-amount';

describe('formatAmount', () => {
  it('formats fen as yuan with integer arithmetic', () => {
    expect(formatAmount(5548, 'cny')).toBe('¥55.48');
    expect(formatAmount(123456789, 'CNY')).toBe('¥1,234,567.89');
    expect(formatAmount(5, 'cny')).toBe('¥0.05');
    expect(formatAmount(0, 'cny')).toBe('¥0.00');
  });

  it('handles zero-decimal and unknown currencies', () => {
    expect(formatAmount(1500, 'jpy')).toBe('¥1,500');
    expect(formatAmount(1050, 'chf')).toBe('CHF 10.50');
    expect(formatAmount(-250, 'usd')).toBe('-$2.50');
  });
});

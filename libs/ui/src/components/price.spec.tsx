import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/render-with-i18n';
import { Price } from './price';

describe('Price', () => {
  it('shows integer fen as yuan with two decimals and thousands separators', () => {
    const { container } = renderWithI18n(<Price fen={123450} />);
    expect(container.textContent).toBe('¥1,234.50');
  });

  it('names the packing unit the price is for', () => {
    const { container } = renderWithI18n(<Price fen={3800} unit="10公斤箱" />);
    expect(container.textContent).toBe('¥38.00/10公斤箱');
  });

  it('puts 起 after a lowest price in Chinese and "from" before it in English', () => {
    expect(renderWithI18n(<Price fen={3200} from />, 'zh-CN').container.textContent).toBe('¥32.00 起');
    expect(renderWithI18n(<Price fen={3200} from />, 'en').container.textContent).toBe('from ¥32.00');
  });

  it('refuses a fractional amount instead of rounding it silently', () => {
    expect(() => renderWithI18n(<Price fen={38.5} />)).toThrow(/integer number of fen/);
  });
});

import { describe, expect, it } from 'vitest';
import { fenToYuanInput, parseYuanToFen } from './yuan-input';

describe('parseYuanToFen', () => {
  it.each([
    ['38', 3800],
    ['38.5', 3850],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1,200.05', 120005],
    ['¥12.', 1200],
    [' 7 ', 700],
  ])('reads %j as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '-5', '1.234', '1e3'])('refuses %j', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });
});

describe('fenToYuanInput', () => {
  it('writes the shortest exact form', () => {
    expect(fenToYuanInput(3800)).toBe('38');
    expect(fenToYuanInput(3850)).toBe('38.5');
    expect(fenToYuanInput(5)).toBe('0.05');
    expect(fenToYuanInput(-1)).toBe('');
  });
});

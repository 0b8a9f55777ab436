import { describe, expect, it } from 'vitest';
import { gramsToKgInput, isIsoDay, parseKgToGrams, parseWholeNumber, todayInChina } from './format';

describe('parseKgToGrams', () => {
  it.each([
    ['10', 10_000],
    ['2.5', 2_500],
    ['0.1', 100],
    ['0.255', 255],
    [' 1,000 ', 1_000_000],
  ])('reads %j kg as %i g', (text, grams) => {
    expect(parseKgToGrams(text)).toBe(grams);
  });

  it.each(['', '0', 'abc', '-1', '1.2345', '1e3'])('refuses %j', (text) => {
    expect(parseKgToGrams(text)).toBeNull();
  });

  it('writes grams back as the shortest kilogram form', () => {
    expect(gramsToKgInput(10_000)).toBe('10');
    expect(gramsToKgInput(2_500)).toBe('2.5');
    expect(gramsToKgInput(250)).toBe('0.25');
    expect(gramsToKgInput(0)).toBe('');
  });
});

describe('parseWholeNumber', () => {
  it('tells empty, whole and not-whole apart, full-width digits included', () => {
    expect(parseWholeNumber('  ')).toBeNull();
    expect(parseWholeNumber('１２')).toBe(12);
    expect(parseWholeNumber('1,200')).toBe(1200);
    expect(parseWholeNumber('2.5')).toBeNaN();
    expect(parseWholeNumber('-3')).toBeNaN();
  });
});

describe('days', () => {
  it('knows a real calendar day', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026/02/01')).toBe(false);
  });

  it('counts today in China time', () => {
    expect(todayInChina(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});

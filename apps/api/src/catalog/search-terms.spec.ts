import { indexTerms, queryTerms } from './search-terms';

function matches(productName: string, query: string, extra: Partial<{ otherZh: string[]; en: string[] }> = {}): boolean {
  const index = new Set(indexTerms({ primaryZh: productName, otherZh: extra.otherZh ?? [], en: extra.en ?? [] }));
  const q = queryTerms(query);
  return q.length > 0 && q.every((t) => index.has(t));
}

describe('catalog search terms', () => {
  it('finds a two-character Chinese word inside a longer name', () => {
    expect(matches('青崖高山土豆 10斤装', '土豆')).toBe(true);
    expect(matches('青崖高山土豆 10斤装', '高山土豆')).toBe(true);
    expect(matches('青崖高山土豆 10斤装', '土')).toBe(true);
    expect(matches('白石红富士苹果', '土豆')).toBe(false);
  });

  it('finds by full pinyin, partial pinyin and initials', () => {
    expect(matches('高山土豆', 'tudou')).toBe(true);
    expect(matches('高山土豆', 'tud')).toBe(true);
    expect(matches('高山土豆', 'td')).toBe(true);
    expect(matches('高山土豆', 'gstd')).toBe(true);
    expect(matches('高山土豆', 'gaoshan tudou')).toBe(true);
    expect(matches('红富士苹果', 'tudou')).toBe(false);
    expect(matches('党参', 'dangshen')).toBe(true);
  });

  it('finds by English words and their prefixes', () => {
    expect(matches('高山土豆', 'potato', { en: ['Highland potatoes'] })).toBe(true);
    expect(matches('高山土豆', 'pot', { en: ['Highland potatoes'] })).toBe(true);
    expect(matches('高山土豆', 'apple', { en: ['Highland potatoes'] })).toBe(false);
  });

  it('matches on category, county and supplier text without pinyin', () => {
    expect(matches('红富士', '苹果', { otherZh: ['水果', '白石县'] })).toBe(false);
    expect(matches('红富士', '白石', { otherZh: ['水果', '白石县'] })).toBe(true);
  });

  it('normalises width and case, and ignores punctuation', () => {
    expect(matches('高山土豆', 'ＴＵＤＯＵ')).toBe(true);
    expect(matches('高山土豆', '「土豆」!')).toBe(true);
    expect(queryTerms('  ！？ ')).toEqual([]);
  });
});

import { pinyin } from 'pinyin-pro';

/**
 * Catalog search tokens, matched by array containment under a GIN index (docs/catalog-search.md).
 *
 * Chinese has no spaces, and buyers type two-character words (土豆, 黄芪) that word-based engines
 * drop. So the index holds every character ("c:土") and every adjacent pair ("c:土豆") of the
 * Chinese text; a query of one character asks for the character, a longer one for all its pairs.
 * Latin input shares one namespace ("a:…") fed by three sources, all as prefixes of at least two
 * letters: English words, the pinyin of the name read from each syllable onward ("tudou", "dou…"),
 * and the initials from each syllable onward ("td"). So "tudou", "tud", "td" and "potato" all find
 * 土豆, and each query word must match somewhere.
 */

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9]+/g;
const MAX_PREFIX = 12;
const PINYIN_WINDOW = 4;
const INITIALS_WINDOW = 6;
const MAX_QUERY_TERMS = 24;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function addPrefixes(into: Set<string>, word: string): void {
  for (let len = 2; len <= Math.min(word.length, MAX_PREFIX); len++) into.add(`a:${word.slice(0, len)}`);
}

function addChinese(into: Set<string>, run: string, withPinyin: boolean): void {
  const chars = [...run];
  chars.forEach((ch, i) => {
    into.add(`c:${ch}`);
    if (i + 1 < chars.length) into.add(`c:${ch}${chars[i + 1]}`);
  });
  if (!withPinyin) return;
  const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  syllables.forEach((_, i) => {
    addPrefixes(into, syllables.slice(i, i + PINYIN_WINDOW).join(''));
    addPrefixes(into, syllables.slice(i, i + INITIALS_WINDOW).map((s) => s[0] ?? '').join(''));
  });
}

export interface SearchableText {
  /** Read with pinyin too: the product's Chinese name. */
  readonly primaryZh: string;
  /** Other Chinese text (category, county, supplier, grade): characters and pairs only. */
  readonly otherZh: readonly string[];
  /** English name and words. */
  readonly en: readonly string[];
}

export function indexTerms(text: SearchableText): string[] {
  const terms = new Set<string>();
  const feed = (raw: string, withPinyin: boolean): void => {
    const s = normalise(raw);
    for (const run of s.match(CJK_RUN) ?? []) addChinese(terms, run, withPinyin);
    for (const word of s.match(LATIN_WORD) ?? []) addPrefixes(terms, word);
  };
  feed(text.primaryZh, true);
  text.otherZh.forEach((t) => feed(t, false));
  text.en.forEach((t) => feed(t, false));
  return [...terms];
}

/** The terms a product must all contain to match `query`; empty when the query has nothing searchable. */
export function queryTerms(query: string): string[] {
  const s = normalise(query);
  const terms = new Set<string>();
  for (const run of s.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) terms.add(`c:${chars[0]}`);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(`c:${chars[i]}${chars[i + 1]}`);
  }
  for (const word of s.match(LATIN_WORD) ?? []) {
    // One letter matches too much to be useful; it is ignored unless it is all there is.
    if (word.length >= 2) terms.add(`a:${word.slice(0, MAX_PREFIX)}`);
  }
  return [...terms].slice(0, MAX_QUERY_TERMS);
}

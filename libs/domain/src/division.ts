/**
 * Administrative divisions by GB/T 2260 code: PPCCXX, where PP0000 is a province, PPCC00 a
 * prefecture-level city and PPCCXX a county. A jurisdiction covers every code that shares its prefix.
 */
export type DivisionLevel = 'province' | 'prefecture' | 'county';

export function isDivisionCode(code: string): boolean {
  return /^[1-9]\d{5}$/.test(code);
}

export function divisionLevel(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** The code prefix that every division inside `code` shares. */
export function divisionPrefix(code: string): string {
  switch (divisionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'prefecture':
      return code.slice(0, 4);
    default:
      return code;
  }
}

export function isWithinDivision(outer: string, inner: string): boolean {
  return inner.startsWith(divisionPrefix(outer));
}

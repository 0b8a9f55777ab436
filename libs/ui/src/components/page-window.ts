/** A page number, or a gap ("…") between two runs of page numbers. */
export type PageSlot = number | 'gap';

/**
 * The page numbers worth showing: the first, the last and `radius` either side of the current page, with
 * a gap where numbers are left out. A gap never stands for a single page (that page is shown instead).
 */
export function pageWindow(page: number, pageCount: number, radius = 1): PageSlot[] {
  if (pageCount <= 0) return [];
  const current = Math.min(Math.max(1, page), pageCount);
  const shown = new Set<number>([1, pageCount]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= pageCount) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: PageSlot[] = [];
  for (const [i, p] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) out.push('gap');
    out.push(p);
  }
  return out;
}

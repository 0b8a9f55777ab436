/**
 * Yuan as people type it ("38", "38.5", "1,200.00") to integer fen, by string arithmetic: parsing
 * "0.29" as a float and multiplying by 100 gives 28.999999999999996. Returns null for anything that is
 * not a non-negative amount with at most two decimals.
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Integer fen back to an input value: "38" for 3800, "38.5" for 3850, "0.05" for 5. */
export function fenToYuanInput(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

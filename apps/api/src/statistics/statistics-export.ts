import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { TotalsView } from './statistics.service';

/** Fen as yuan text with exactly two decimals, by integer arithmetic (never a float). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const HEADER = ['key', '名称 name', 'name (en)', '毛额(分) gross fen', '退款及红字(分) refunds fen', '净额(分) net fen', '净额(元) net yuan', '订单行 lines'];

function table(view: TotalsView): Array<Array<string | number>> {
  const reach = view.reach;
  const rows = view.rows.map((r) => [r.key, r.label, r.labelEn, r.grossFen, r.refundFen, r.netFen, fenToYuanText(r.netFen), r.lines, ...(reach ? [r.householdsReached ?? 0] : [])]);
  const t = view.total;
  return [
    reach ? [...HEADER, '带动农户 households reached'] : HEADER,
    ...rows,
    ['total', '合计', 'Total', t.grossFen, t.refundFen, t.netFen, fenToYuanText(t.netFen), t.lines, ...(reach ? [reach.householdsReached] : [])],
  ];
}

function about(view: TotalsView): Array<[string, string]> {
  return [
    ['口径 figure', view.figure === 'counted' ? '帮扶认定金额（已完成订单） counted assistance (completed orders)' : '销售额（已付款） sales (paid)'],
    ['范围 jurisdiction', view.jurisdiction ? `${view.jurisdiction.name} (${view.jurisdiction.divisionCode}, ${view.jurisdiction.side})` : '全部 all'],
    ['起 from', view.from],
    ['止 to', view.to],
    ['截至 as of', view.asOf ?? '—'],
    ['分组 group by', view.groupBy],
    ['币种 currency', view.currency],
    ...(view.reach
      ? ([
          ['带动合作社 cooperatives reached', String(view.reach.cooperatives)],
          ['联结农户 households reached', String(view.reach.householdsReached)],
        ] as Array<[string, string]>)
      : []),
  ];
}

export function totalsCsv(view: TotalsView): string {
  // A BOM so that spreadsheet programs read the Chinese as UTF-8.
  return `\uFEFF${stringify(table(view))}`;
}

export async function totalsXlsx(view: TotalsView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Shanhai 山海';
  const sheet = book.addWorksheet('统计 Totals');
  for (const row of table(view)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i === 1 || i === 2 ? 24 : 16));
  for (const col of view.reach ? [4, 5, 6, 8, 9] : [4, 5, 6, 8]) sheet.getColumn(col).numFmt = '0';
  const info = book.addWorksheet('说明 About');
  for (const row of about(view)) info.addRow(row);
  info.getColumn(1).width = 20;
  info.getColumn(2).width = 60;
  return Buffer.from(await book.xlsx.writeBuffer());
}

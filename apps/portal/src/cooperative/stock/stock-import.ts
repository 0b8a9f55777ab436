/**
 * Stock and lots from a CSV file, worked out in the browser: the file is parsed (csv-parse), each row is checked
 * against the cooperative's SKUs, lots and production bases and becomes one planned call — a new lot
 * (`POST /api/skus/:id/lots`, then `PATCH /api/lots/:id` when less than harvested is still for sale) or a stock
 * count of an existing lot (`PATCH /api/lots/:id`) — and the calls run one after the other, each row reporting
 * what the API said. The API checks everything again; nothing here is a rule it does not also enforce.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { isIsoDay, parseWholeNumber } from '../../common/format';
import type { LotAdjustment, LotInput } from './stock.queries';

export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 1024 * 1024;

export type ImportColumn = 'sku' | 'lot' | 'base' | 'harvestDate' | 'quantity' | 'available' | 'note';

/** Header names each column is recognised by, English and Chinese (compared lower-cased, without spaces). */
export const COLUMN_NAMES: Record<ImportColumn, readonly string[]> = {
  sku: ['sku_code', 'sku', 'skucode', 'sku编码', '规格编码'],
  lot: ['lot_code', 'lot', 'lotcode', '批次号', '批次编码', '批次'],
  base: ['base', 'base_name', '生产基地', '基地'],
  harvestDate: ['harvest_date', 'harvestdate', '采收日期'],
  quantity: ['quantity', 'quantity_units', '数量', '入库数量', '采收数量'],
  available: ['available', 'available_units', '可售数量', '可售'],
  note: ['inspection_note', 'note', '检验说明', '备注'],
};

export const TEMPLATE_CSV = 'sku_code,lot_code,base,harvest_date,quantity,available,inspection_note\n';

export type ProblemKey =
  | 'unknownSku'
  | 'missingSku'
  | 'badLotCode'
  | 'duplicateRow'
  | 'ambiguousLot'
  | 'availableRequired'
  | 'badAvailable'
  | 'unknownBase'
  | 'baseRequired'
  | 'badHarvestDate'
  | 'badQuantity'
  | 'availableAboveQuantity'
  | 'noteTooLong';

export interface RowProblem {
  readonly key: ProblemKey;
  readonly values?: Record<string, string | number>;
}

export interface ImportSku {
  readonly skuId: string;
  readonly code: string;
  readonly lots: ReadonlyArray<{ id: string; code: string }>;
}

export interface ImportBase {
  readonly id: string;
  readonly name: string;
}

export type RowAction =
  | { readonly kind: 'create'; readonly skuId: string; readonly input: LotInput; readonly available: number | null }
  | { readonly kind: 'adjust'; readonly lotId: string; readonly input: LotAdjustment }
  | { readonly kind: 'invalid'; readonly problems: readonly RowProblem[] };

export interface PlannedRow {
  /** The line of the file (1 is the header). */
  readonly line: number;
  readonly skuCode: string;
  readonly lotCode: string;
  readonly action: RowAction;
}

export type FileProblem =
  | { readonly key: 'empty' }
  | { readonly key: 'tooLarge' }
  | { readonly key: 'tooManyRows'; readonly max: number }
  | { readonly key: 'missingColumns'; readonly columns: readonly ImportColumn[] }
  | { readonly key: 'unreadable'; readonly detail: string };

export interface ParsedRow {
  /** The line of the file (1 is the header). */
  readonly line: number;
  readonly cells: Partial<Record<ImportColumn, string>>;
}

export type ParsedFile = { readonly ok: true; readonly rows: readonly ParsedRow[] } | { readonly ok: false; readonly problem: FileProblem };

const normalise = (header: string) => header.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\s+/g, '').toLowerCase();

/** Reads the CSV text (comma, semicolon, tab or full-width comma; a header row naming the columns). */
export function parseStockCsv(text: string): ParsedFile {
  if (new Blob([text]).size > MAX_IMPORT_BYTES) return { ok: false, problem: { key: 'tooLarge' } };
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, delimiter: [',', ';', '\t', '，'] }) as string[][];
  } catch (error) {
    return { ok: false, problem: { key: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (records.length < 2) return { ok: false, problem: { key: 'empty' } };
  if (records.length - 1 > MAX_IMPORT_ROWS) return { ok: false, problem: { key: 'tooManyRows', max: MAX_IMPORT_ROWS } };
  const header = records[0].map(normalise);
  const index = {} as Partial<Record<ImportColumn, number>>;
  for (const column of Object.keys(COLUMN_NAMES) as ImportColumn[]) {
    const at = header.findIndex((h) => COLUMN_NAMES[column].includes(h));
    if (at >= 0) index[column] = at;
  }
  const missing = (['sku', 'lot'] as const).filter((c) => index[c] === undefined);
  if (missing.length) return { ok: false, problem: { key: 'missingColumns', columns: missing } };
  const rows = records.slice(1).map((record, i) => {
    const cells: Partial<Record<ImportColumn, string>> = {};
    for (const [column, at] of Object.entries(index) as Array<[ImportColumn, number]>) cells[column] = (record[at] ?? '').trim();
    return { line: i + 2, cells };
  });
  return { ok: true, rows };
}

const LOT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Turns each row into the call it needs, or into the problems that keep it from being sent. */
export function planStockImport(rows: readonly ParsedRow[], skus: readonly ImportSku[], bases: readonly ImportBase[]): PlannedRow[] {
  const skuByCode = new Map(skus.map((s) => [s.code.toUpperCase(), s]));
  const seen = new Set<string>();
  return rows.map(({ line, cells }) => {
    const skuCode = cells.sku ?? '';
    const lotCode = cells.lot ?? '';
    const problems: RowProblem[] = [];
    const sku = skuCode ? skuByCode.get(skuCode.toUpperCase()) : undefined;
    if (!skuCode) problems.push({ key: 'missingSku' });
    else if (!sku) problems.push({ key: 'unknownSku', values: { code: skuCode } });
    if (!LOT_CODE.test(lotCode)) problems.push({ key: 'badLotCode' });
    const rowKey = `${skuCode.toUpperCase()}\u0000${lotCode}`;
    if (seen.has(rowKey)) problems.push({ key: 'duplicateRow' });
    seen.add(rowKey);
    const note = cells.note ?? '';
    if (note.length > 2000) problems.push({ key: 'noteTooLong', values: { max: 2000 } });
    if (!sku || problems.length) return { line, skuCode, lotCode, action: { kind: 'invalid', problems } };

    const existing = sku.lots.filter((l) => l.code === lotCode);
    const available = parseWholeNumber(cells.available ?? '');
    if (existing.length > 1) return invalid(line, skuCode, lotCode, [{ key: 'ambiguousLot', values: { count: existing.length } }]);
    if (existing.length === 1) {
      if (available === null) return invalid(line, skuCode, lotCode, [{ key: 'availableRequired' }]);
      if (Number.isNaN(available)) return invalid(line, skuCode, lotCode, [{ key: 'badAvailable' }]);
      return { line, skuCode, lotCode, action: { kind: 'adjust', lotId: existing[0].id, input: { availableUnits: available, ...(note ? { inspectionNote: note } : {}) } } };
    }

    const baseName = cells.base ?? '';
    const base = baseName ? bases.find((b) => b.name.trim().toLowerCase() === baseName.toLowerCase()) : bases.length === 1 ? bases[0] : undefined;
    if (baseName && !base) problems.push({ key: 'unknownBase', values: { name: baseName } });
    else if (!base) problems.push({ key: 'baseRequired' });
    const harvestDate = cells.harvestDate ?? '';
    if (!isIsoDay(harvestDate)) problems.push({ key: 'badHarvestDate' });
    const quantity = parseWholeNumber(cells.quantity ?? '');
    if (quantity === null || Number.isNaN(quantity)) problems.push({ key: 'badQuantity' });
    if (available !== null && Number.isNaN(available)) problems.push({ key: 'badAvailable' });
    else if (available !== null && quantity !== null && !Number.isNaN(quantity) && available > quantity) problems.push({ key: 'availableAboveQuantity' });
    if (problems.length || !base || quantity === null) return invalid(line, skuCode, lotCode, problems);
    return {
      line,
      skuCode,
      lotCode,
      action: {
        kind: 'create',
        skuId: sku.skuId,
        input: { baseId: base.id, code: lotCode, harvestDate, quantityUnits: quantity, ...(note ? { inspectionNote: note } : {}) },
        available: available !== null && available < quantity ? available : null,
      },
    };
  });
}

function invalid(line: number, skuCode: string, lotCode: string, problems: RowProblem[]): PlannedRow {
  return { line, skuCode, lotCode, action: { kind: 'invalid', problems } };
}

export type RowOutcome =
  | { readonly status: 'created' | 'updated'; readonly lotId: string }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'skipped' };

export interface ImportOperations {
  addLot(skuId: string, input: LotInput): Promise<{ id: string }>;
  adjustLot(lotId: string, input: LotAdjustment): Promise<{ id: string }>;
}

/**
 * Sends the valid rows one at a time (so a cooperative's SKU rows lock one after the other, never racing each
 * other), reporting each row's outcome as it comes. Rows that did not pass the checks are skipped.
 */
export async function runStockImport(plan: readonly PlannedRow[], ops: ImportOperations, onRow: (index: number, outcome: RowOutcome) => void, signal?: AbortSignal): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for (const [index, row] of plan.entries()) {
    if (signal?.aborted) break;
    let outcome: RowOutcome;
    const action = row.action;
    try {
      if (action.kind === 'invalid') outcome = { status: 'skipped' };
      else if (action.kind === 'adjust') outcome = { status: 'updated', lotId: (await ops.adjustLot(action.lotId, action.input)).id };
      else {
        const lot = await ops.addLot(action.skuId, action.input);
        if (action.available !== null) await ops.adjustLot(lot.id, { availableUnits: action.available });
        outcome = { status: 'created', lotId: lot.id };
      }
    } catch (error) {
      outcome = { status: 'failed', error };
    }
    outcomes.push(outcome);
    onRow(index, outcome);
  }
  return outcomes;
}

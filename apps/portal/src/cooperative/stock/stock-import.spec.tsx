import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BASE_ID, BASES, LOT_ID, SKU_ID } from '../../testing/fixtures';
import { apiError, json } from '../../testing/fake-api';
import { cooperativeApi } from '../../testing/portal-api';
import { rememberSession, renderPortal } from '../../testing/render-portal';
import { parseStockCsv, planStockImport, runStockImport, type ImportSku, type PlannedRow } from './stock-import';

const SKUS: ImportSku[] = [{ skuId: SKU_ID, code: 'POTATO-01-1', lots: [{ id: LOT_ID, code: 'POTATO-01-1-L1' }] }];

const plan = (csv: string, bases = BASES) => {
  const parsed = parseStockCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  return planStockImport(parsed.rows, SKUS, bases);
};

describe('parseStockCsv', () => {
  it('reads Chinese headers, a byte-order mark and full-width commas', () => {
    const parsed = parseStockCsv('\uFEFF规格编码，批次号，生产基地，采收日期，数量\npotato-01-1，L9，青崖山高山基地，2026-09-01，120\n');
    expect(parsed).toEqual({ ok: true, rows: [{ line: 2, cells: { sku: 'potato-01-1', lot: 'L9', base: '青崖山高山基地', harvestDate: '2026-09-01', quantity: '120' } }] });
  });

  it('names the missing required columns, and an empty or broken file', () => {
    expect(parseStockCsv('lot_code,quantity\nA,1')).toEqual({ ok: false, problem: { key: 'missingColumns', columns: ['sku'] } });
    expect(parseStockCsv('sku_code,lot_code\n')).toEqual({ ok: false, problem: { key: 'empty' } });
    const broken = parseStockCsv('sku_code,lot_code\n"POTATO-01-1,L1\n');
    expect(broken.ok ? null : broken.problem.key).toBe('unreadable');
  });
});

describe('planStockImport', () => {
  it('makes a new lot of an unknown lot code and a stock count of a known one', () => {
    const rows = plan('sku_code,lot_code,base,harvest_date,quantity,available,inspection_note\nPOTATO-01-1,L9,青崖山高山基地,2026-09-01,120,100,合格\npotato-01-1,POTATO-01-1-L1,,,,35,\n');
    expect(rows.map((r) => r.action)).toEqual([
      { kind: 'create', skuId: SKU_ID, input: { baseId: BASE_ID, code: 'L9', harvestDate: '2026-09-01', quantityUnits: 120, inspectionNote: '合格' }, available: 100 },
      { kind: 'adjust', lotId: LOT_ID, input: { availableUnits: 35 } },
    ]);
  });

  it('says what is wrong with each row it will not send', () => {
    const rows = plan(
      [
        'sku_code,lot_code,base,harvest_date,quantity,available',
        'NOPE-1,L1,青崖山高山基地,2026-09-01,10,',
        'POTATO-01-1,L 2,青崖山高山基地,2026-09-01,10,',
        'POTATO-01-1,L3,不存在的基地,2026-02-30,ten,',
        'POTATO-01-1,L4,,2026-09-01,10,12',
        'POTATO-01-1,POTATO-01-1-L1,,,,',
        'POTATO-01-1,L5,河谷基地,2026-09-01,10,',
        'POTATO-01-1,L5,河谷基地,2026-09-01,10,',
      ].join('\n'),
    );
    const problems = (r: PlannedRow) => (r.action.kind === 'invalid' ? r.action.problems.map((p) => p.key) : r.action.kind);
    expect(rows.map(problems)).toEqual([
      ['unknownSku'],
      ['badLotCode'],
      ['unknownBase', 'badHarvestDate', 'badQuantity'],
      ['baseRequired', 'availableAboveQuantity'],
      ['availableRequired'],
      'create',
      ['duplicateRow'],
    ]);
  });

  it('takes the only production base when the column is left out', () => {
    const rows = plan('sku_code,lot_code,harvest_date,quantity\nPOTATO-01-1,L9,2026-09-01,5', [BASES[0]]);
    expect(rows[0].action).toMatchObject({ kind: 'create', input: { baseId: BASE_ID } });
  });
});

describe('runStockImport', () => {
  it('sends the rows one after the other, counts a new lot down when less is for sale, and reports each row', async () => {
    const rows = plan('sku_code,lot_code,base,harvest_date,quantity,available\nPOTATO-01-1,L9,河谷基地,2026-09-01,120,100\nNOPE,L1,,,,\npotato-01-1,POTATO-01-1-L1,,,,50\n');
    const calls: string[] = [];
    const ops = {
      addLot: vi.fn(async (skuId: string, input: { code: string }) => {
        calls.push(`add ${skuId} ${input.code}`);
        return { id: 'lot-new' };
      }),
      adjustLot: vi.fn(async (lotId: string, input: { availableUnits: number }) => {
        calls.push(`adjust ${lotId} ${input.availableUnits}`);
        if (lotId === LOT_ID) throw new Error('must not exceed the lot’s 40 harvested units');
        return { id: lotId };
      }),
    };
    const reported: string[] = [];
    const outcomes = await runStockImport(rows, ops, (i, o) => reported.push(`${i}:${o.status}`));
    expect(calls).toEqual([`add ${SKU_ID} L9`, 'adjust lot-new 100', `adjust ${LOT_ID} 50`]);
    expect(reported).toEqual(['0:created', '1:skipped', '2:failed']);
    expect(outcomes[2]).toMatchObject({ status: 'failed' });
  });
});

describe('StockImportPage', () => {
  it('checks a pasted file, imports the good rows and shows each row’s result with the API’s reason', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`POST /api/skus/${SKU_ID}/lots`]: async (request) => json({ id: 'lot-9', ...((await request.json()) as object) }, 201),
      [`PATCH /api/lots/${LOT_ID}`]: () => apiError(400, 'VALIDATION_FAILED', "availableUnits: must not exceed the lot's 40 harvested units", [{ field: 'availableUnits', reason: "must not exceed the lot's 40 harvested units" }]),
    });
    renderPortal('/stock/import', api);
    await screen.findByRole('heading', { level: 1, name: '从 CSV 导入库存与批次' });
    fireEvent.change(screen.getByLabelText('或粘贴 CSV 内容'), {
      target: { value: 'sku_code,lot_code,base,harvest_date,quantity,available\nPOTATO-01-1,L9,河谷基地,2026-09-01,120,\nNOPE,L1,,,,\nPOTATO-01-1,POTATO-01-1-L1,,,,90\n' },
    });
    await waitFor(() => expect((screen.getByRole('button', { name: '检查' }) as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查' }));
    });
    expect(screen.getByTestId('import-summary').textContent).toBe('检查完毕：2 行可以导入，1 行有问题（不会导入）。');
    const rows = screen.getAllByTestId('import-row');
    expect(within(rows[1]).getByText('本合作社没有规格 NOPE')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '导入 2 行' }));
    });
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toBe('导入完成：成功 1 行，失败 1 行，跳过 1 行。'));
    expect(within(rows[0]).getByText('已新建')).toBeTruthy();
    expect(within(rows[2]).getByText('失败')).toBeTruthy();
    expect(within(rows[2]).getByText("availableUnits: must not exceed the lot's 40 harvested units")).toBeTruthy();
    const post = api.requests.find((r) => r.method === 'POST' && r.url.endsWith('/lots'));
    expect(await post?.json()).toEqual({ baseId: BASES[1].id, code: 'L9', harvestDate: '2026-09-01', quantityUnits: 120 });
  });

  it('names the columns a file lacks', async () => {
    rememberSession();
    renderPortal('/stock/import', cooperativeApi());
    await screen.findByRole('heading', { level: 1, name: '从 CSV 导入库存与批次' });
    fireEvent.change(screen.getByLabelText('或粘贴 CSV 内容'), { target: { value: 'code,qty\nA,1\n' } });
    await waitFor(() => expect((screen.getByRole('button', { name: '检查' }) as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('缺少必需的列：sku_code, lot_code。');
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { COOP_ID } from '../testing/fixtures';
import { apiError, json } from '../testing/fake-api';
import { cooperativeApi, officialApi } from '../testing/portal-api';
import { rememberSession, renderPortal } from '../testing/render-portal';
import { filtersFrom, formatBasisPoints, shareBasisPoints } from './stats-format';
import type { StatsLineView, TotalsView } from './stats-views';

const JURISDICTION = {
  id: 'j',
  name: '云岭州乡村振兴局',
  nameEn: 'Yunling Rural Revitalisation Bureau',
  divisionCode: '629800',
  side: 'west' as const,
  minReservedSharePermille: null,
};

function totals(groupBy: TotalsView['groupBy'], rows: Array<[string, string, number]>): TotalsView {
  const full = rows.map(([key, label, netFen]) => ({
    key,
    label,
    labelEn: label,
    grossFen: netFen,
    refundFen: 0,
    netFen,
    lines: 1,
  }));
  const netFen = full.reduce((a, r) => a + r.netFen, 0);
  return {
    currency: 'CNY',
    figure: 'counted',
    from: '2026-01-01',
    to: '2026-11-28',
    asOf: null,
    groupBy,
    jurisdiction: JURISDICTION,
    source: 'monthly',
    rows: groupBy === 'supplier' ? full.map((r, i) => ({ ...r, householdsReached: 40 + i })) : full,
    total: { grossFen: netFen, refundFen: 0, netFen, lines: full.length },
    reach: groupBy === 'supplier' ? { cooperatives: full.length, householdsReached: full.reduce((n, _r, i) => n + 40 + i, 0) } : null,
  };
}

const TOTALS: Record<string, TotalsView> = {
  month: totals('month', [
    ['2026-10', '2026-10', 120000],
    ['2026-11', '2026-11', 45050],
  ]),
  supplierCounty: totals('supplierCounty', [['629801', '青崖县', 165050]]),
  category: totals('category', [['3', '蔬菜', 165050]]),
  buyerType: totals('buyerType', [['school', '学校', 165050]]),
  supplier: totals('supplier', [
    ['11111111-1111-4111-8111-111111111111', '青崖县高山马铃薯专业合作社', 125050],
    ['22222222-2222-4222-8222-222222222222', '白石县苹果合作社', 40000],
  ]),
  certified: totals('certified', [
    ['true', '认定帮扶产品', 123456],
    ['false', '未认定', 41594],
  ]),
};

const PROGRESS = {
  currency: 'CNY',
  year: 2026,
  figure: 'counted',
  jurisdiction: JURISDICTION,
  asOf: '2026-11-28',
  netFen: 165050,
  lines: 3,
  targetFen: 500000,
  progressBasisPoints: 3301,
  projectedYearEndFen: 182000,
  projectedBasisPoints: 3640,
  projection: 'run-rate',
};

const RESERVED = {
  currency: 'CNY',
  year: 2026,
  jurisdiction: JURISDICTION,
  asOf: '2026-11-28',
  summary: {
    buyers: 1,
    filed: 0,
    notFiled: 1,
    reservedFen: 0,
    countedFen: 0,
    progressBasisPoints: 0,
    projectedYearEndFen: 0,
    projectedBasisPoints: 0,
  },
  buyers: [
    {
      organisationId: 'b',
      organisationName: '东澜市第一中学',
      buyerType: 'school',
      kind: null,
      sharedWithId: null,
      canteenBudgetFen: null,
      sharePermille: null,
      reservedFen: null,
      filedAt: null,
      ownCountedFen: 0,
      canteenCountedFen: null,
      progressBasisPoints: null,
      projectedYearEndFen: null,
      projectedBasisPoints: null,
    },
  ],
};

function line(i: number): StatsLineView {
  return {
    recordId: String(i),
    kind: 'completion',
    businessDay: '2026-11-02',
    recordedOn: '2026-11-02',
    orderId: `0000000${i % 10}-0000-4000-8000-000000000000`,
    orderNumber: `SH-2026-${String(i).padStart(5, '0')}`,
    supplierOrderId: `5000000${i % 10}-0000-4000-8000-000000000000`,
    orderLineId: `l${i}`,
    productId: 'p',
    productName: '高山黄心土豆',
    productNameEn: 'Highland potatoes',
    quantity: 2,
    unitPriceFen: 100,
    buyerId: 'b',
    buyerName: '东澜市第一中学',
    buyerType: 'school',
    buyerCityCode: '339800',
    supplierId: 's',
    supplierName: '青崖县高山马铃薯专业合作社',
    supplierCountyCode: '629801',
    certified: false,
    certificateNo: null,
    householdsLinked: 12,
    grossFen: 200,
    refundFen: 0,
    netFen: 200,
    lines: 1,
  };
}

function dashboardApi(extra: Parameters<typeof officialApi>[0] = {}) {
  return officialApi({
    'GET /api/stats/totals': (_r, url) => json(TOTALS[url.searchParams.get('groupBy') ?? 'month']),
    'GET /api/stats/progress': () => json(PROGRESS),
    'GET /api/reserved-share/2026': () => json(RESERVED),
    ...extra,
  });
}

describe('statistics formatting', () => {
  it('writes basis points as a percentage by integer arithmetic', () => {
    expect(formatBasisPoints(3301)).toBe('33.01%');
    expect(formatBasisPoints(5)).toBe('0.05%');
    expect(formatBasisPoints(10000)).toBe('100.00%');
    expect(formatBasisPoints(-250)).toBe('-2.50%');
    expect(formatBasisPoints(0)).toBe('0.00%');
  });

  it('takes shares in basis points, rounded down, exactly for large amounts', () => {
    expect(shareBasisPoints(1, 3)).toBe(3333);
    expect(shareBasisPoints(9_999_999_999_999, 10_000_000_000_000)).toBe(9999);
    expect(shareBasisPoints(5, 0)).toBeNull();
  });

  it('reads the range from the address, with this year so far by default', () => {
    expect(filtersFrom(new URLSearchParams(''), '2026-11-28')).toEqual({
      from: '2026-01-01',
      to: '2026-11-28',
      asOf: null,
      figure: 'counted',
    });
    expect(filtersFrom(new URLSearchParams('from=2026-03-01&to=2026-06-30&asOf=2026-07-01&figure=sales'), '2026-11-28')).toEqual({
      from: '2026-03-01',
      to: '2026-06-30',
      asOf: '2026-07-01',
      figure: 'sales',
    });
    expect(filtersFrom(new URLSearchParams('from=2026-13-01&figure=x'), '2026-11-28').from).toBe('2026-01-01');
  });
});

describe('the officials’ dashboard', () => {
  it('shows progress, every breakdown as a table, the certified share and the reserved share', async () => {
    rememberSession();
    renderPortal('/stats?from=2026-01-01&to=2026-11-28', dashboardApi());
    expect(await screen.findByRole('heading', { level: 1, name: '统计看板' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('progress-bp').textContent).toContain('33.01%'));
    expect(screen.getByTestId('progress-target').textContent).toContain('¥5,000.00');
    const month = await screen.findByTestId('totals-month');
    expect(within(month).getByTestId('row-month-2026-11').textContent).toContain('¥450.50');
    expect(within(month).getByTestId('total-month').textContent).toContain('¥1,650.50');
    // Western officials see counties.
    expect(await screen.findByTestId('totals-supplierCounty')).toBeTruthy();
    expect((await screen.findByTestId('certified-share')).textContent).toContain('74.79%');
    // Households reached: each cooperative's households once (40 + 41), in the key figures, the sentence and the table.
    expect((await screen.findByTestId('key-households')).textContent).toContain('81 户');
    expect(screen.getByTestId('key-cooperatives').textContent).toContain('2 家');
    expect(screen.getByTestId('cooperatives-reached').textContent).toContain('联结带动农户 81 户');
    const suppliers = screen.getByTestId('totals-supplier');
    expect(within(within(suppliers).getByTestId('row-supplier-22222222-2222-4222-8222-222222222222')).getByTestId('households').textContent).toBe('41');
    expect(within(within(suppliers).getByTestId('total-supplier')).getByTestId('households').textContent).toBe('81');
    // Other groupings carry no households column.
    expect(within(month).queryByTestId('households')).toBeNull();
    expect((await screen.findByTestId('reserved-share')).textContent).toContain('未填报');
    // Every row drills down with the same range.
    const link = within(month).getAllByRole('link')[0];
    expect(link.getAttribute('href')).toMatch(/^\/stats\/lines\?from=2026-01-01&to=2026-11-28&figure=counted&groupBy=month&key=2026-10/);
  });

  it('sends a target typed in yuan as integer fen, and refuses what is not an amount', async () => {
    rememberSession();
    const api = dashboardApi({
      'PUT /api/stats/targets': () => json({ year: 2026, figure: 'counted', amountFen: 123456789 }),
    });
    renderPortal('/stats?to=2026-11-28', api);
    const form = await screen.findByTestId('target-form');
    const input = within(form).getByLabelText(/2026 年目标/);
    fireEvent.change(input, { target: { value: '12.3.4' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存目标' }));
    expect(await within(form).findByText('请输入大于零的金额，最多两位小数')).toBeTruthy();
    fireEvent.change(input, { target: { value: '1,234,567.89' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存目标' }));
    expect(await within(form).findByText('目标已保存')).toBeTruthy();
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({
      year: 2026,
      figure: 'counted',
      amountFen: 123456789,
    });
    // 0.29 yuan is 29 fen, not 28.999….
    fireEvent.change(within(screen.getByTestId('target-form')).getByLabelText(/2026 年目标/), { target: { value: '0.29' } });
    fireEvent.click(
      within(screen.getByTestId('target-form')).getByRole('button', {
        name: '保存目标',
      }),
    );
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(await api.requests.filter((r) => r.method === 'PUT')[1].json()).toMatchObject({ amountFen: 29 });
  });

  it('keeps the figure in the address when it is switched', async () => {
    rememberSession();
    const api = dashboardApi();
    const app = renderPortal('/stats?from=2026-01-01&to=2026-11-28', api);
    const figure = await screen.findByLabelText('统计口径');
    fireEvent.change(figure, { target: { value: 'sales' } });
    await waitFor(() => expect(app.location()).toContain('figure=sales'));
    await waitFor(() => expect(api.queriesTo('/api/stats/totals').some((q) => q.get('figure') === 'sales')).toBe(true));
  });

  it('says the file is being made while an export runs, then hands it over', async () => {
    rememberSession();
    let release: (r: Response) => void = () => undefined;
    const api = dashboardApi({
      'GET /api/stats/export': () =>
        new Promise<Response>((resolve) => {
          release = resolve;
        }),
    });
    const createObjectURL = vi.fn(() => 'blob:stats');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPortal('/stats?from=2026-01-01&to=2026-11-28', api);
    const csv = await screen.findByTestId('export-month-csv');
    fireEvent.click(csv);
    await waitFor(() => expect(csv.textContent).toBe('正在生成…'));
    expect((csv as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('export-month-xlsx') as HTMLButtonElement).disabled).toBe(true);
    expect(csv.closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('正在生成 CSV 文件，请稍候…')).toBeTruthy();
    const query = api.queriesTo('/api/stats/export')[0];
    expect(query.get('format')).toBe('csv');
    expect(query.get('groupBy')).toBe('month');
    await act(async () =>
      release(
        new Response('\uFEFFkey\n', {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition': 'attachment; filename="shanhai-counted-month.csv"',
          },
        }),
      ),
    );
    await waitFor(() => expect(csv.textContent).toBe('导出 CSV'));
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows the API’s reason when an export fails', async () => {
    rememberSession();
    renderPortal(
      '/stats?from=2026-01-01&to=2026-11-28',
      dashboardApi({
        'GET /api/stats/export': () => apiError(400, 'VALIDATION', 'a range may span at most 3700 days'),
      }),
    );
    fireEvent.click(await screen.findByTestId('export-month-xlsx'));
    expect(await screen.findByText('a range may span at most 3700 days')).toBeTruthy();
  });
});

describe('the drill-down', () => {
  it('lists the lines behind a row a page at a time, each order linking to its statistics', async () => {
    rememberSession();
    const api = officialApi({
      'GET /api/stats/lines': (_r, url) => {
        const page = Number(url.searchParams.get('page'));
        const items = (page === 1 ? Array.from({ length: 50 }, (_, i) => i + 1) : Array.from({ length: 10 }, (_, i) => i + 51)).map(line);
        return json({
          currency: 'CNY',
          figure: 'counted',
          from: '2026-01-01',
          to: '2026-11-28',
          asOf: null,
          groupBy: 'month',
          key: '2026-11',
          page,
          pageSize: 50,
          total: {
            key: '2026-11',
            grossFen: 12000,
            refundFen: 0,
            netFen: 12000,
            lines: 60,
            records: 60,
          },
          items,
        });
      },
    });
    renderPortal('/stats/lines?from=2026-01-01&to=2026-11-28&figure=counted&groupBy=month&key=2026-11&label=2026+11月', api);
    expect(await screen.findByRole('heading', { level: 1, name: '订单明细' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('stats-line')).toHaveLength(50));
    expect(screen.getByTestId('lines-total').textContent).toContain('¥120.00');
    expect(screen.getByTestId('lines-scope').textContent).toContain('月份：2026 11月');
    const order = screen.getByRole('link', { name: 'SH-2026-00001' });
    expect(order.getAttribute('href')).toBe('/stats/orders/00000001-0000-4000-8000-000000000000');
    const pages = screen.getByRole('navigation', { name: /分页|页/ });
    const next = within(pages).getByRole('link', { name: '第 2 页' });
    expect(next.getAttribute('href')).toContain('page=2');
    expect(next.getAttribute('href')).toContain('key=2026-11');
    fireEvent.click(next);
    await waitFor(() => expect(screen.getAllByTestId('stats-line')).toHaveLength(10));
    expect(api.queriesTo('/api/stats/lines').map((q) => q.get('page'))).toEqual(['1', '2']);
    expect(api.queriesTo('/api/stats/lines')[1].get('key')).toBe('2026-11');
  });
});

describe('a cooperative’s own sales', () => {
  it('shows its sales over time on the Money page, by month and by category', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`GET /api/suppliers/${COOP_ID}/stats/totals`]: (_r, url) =>
        json({
          ...TOTALS[url.searchParams.get('groupBy') ?? 'month'],
          jurisdiction: null,
        }),
    });
    const app = renderPortal('/money?from=2026-01-01&to=2026-11-28', api);
    const sales = await screen.findByTestId('cooperative-sales');
    expect((await within(sales).findByTestId('row-month-2026-11')).textContent).toContain('¥450.50');
    // Its rows drill down to its own lines.
    const link = within(within(sales).getByTestId('totals-month')).getAllByRole('link')[0];
    expect(link.getAttribute('href')).toMatch(/^\/stats\/lines\?from=2026-01-01&to=2026-11-28&figure=counted&groupBy=month&key=2026-10/);
    fireEvent.change(within(sales).getByLabelText('分组'), {
      target: { value: 'category' },
    });
    await waitFor(() => expect(app.location()).toContain('by=category'));
    expect(await within(sales).findByTestId('totals-category')).toBeTruthy();
    expect(api.queriesTo(`/api/suppliers/${COOP_ID}/stats/totals`).map((q) => q.get('groupBy'))).toEqual(['month', 'category']);
  });
});

describe('a cooperative’s drill-down and export', () => {
  it('reads its own lines through its own route, each order linking to its own order page', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`GET /api/suppliers/${COOP_ID}/stats/lines`]: () =>
        json({
          currency: 'CNY',
          figure: 'sales',
          from: '2026-01-01',
          to: '2026-11-28',
          asOf: null,
          groupBy: 'category',
          key: '3',
          page: 1,
          pageSize: 50,
          total: { key: '3', grossFen: 400, refundFen: 0, netFen: 400, lines: 2, records: 2 },
          items: [line(1), line(2)],
        }),
    });
    renderPortal('/stats/lines?from=2026-01-01&to=2026-11-28&figure=sales&groupBy=category&key=3&label=蔬菜', api);
    await waitFor(() => expect(screen.getAllByTestId('stats-line')).toHaveLength(2));
    expect(screen.getByTestId('lines-total').textContent).toContain('¥4.00');
    expect(screen.getByRole('link', { name: 'SH-2026-00001' }).getAttribute('href')).toBe('/orders/50000001-0000-4000-8000-000000000000');
    const query = api.queriesTo(`/api/suppliers/${COOP_ID}/stats/lines`)[0];
    expect([query.get('groupBy'), query.get('key'), query.get('figure')]).toEqual(['category', '3', 'sales']);
    expect(api.queriesTo('/api/stats/lines')).toHaveLength(0);
    expect(screen.getByRole('link', { name: /返回/ }).getAttribute('href')).toContain('by=category');
  });

  it('exports its own table through its own route', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`GET /api/suppliers/${COOP_ID}/stats/totals`]: (_r, url) => json({ ...TOTALS[url.searchParams.get('groupBy') ?? 'month'], jurisdiction: null }),
      [`GET /api/suppliers/${COOP_ID}/stats/export`]: () =>
        new Response('\uFEFFkey\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="own.csv"' } }),
    });
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:own'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPortal('/money?from=2026-01-01&to=2026-11-28', api);
    fireEvent.click(await screen.findByTestId('export-month-xlsx'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const query = api.queriesTo(`/api/suppliers/${COOP_ID}/stats/export`)[0];
    expect([query.get('format'), query.get('groupBy'), query.get('from')]).toEqual(['xlsx', 'month', '2026-01-01']);
    click.mockRestore();
  });
});

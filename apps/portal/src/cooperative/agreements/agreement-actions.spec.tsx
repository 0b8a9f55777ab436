import type { AgreementTermsView, AgreementView, CommitmentView, DeliveryChangeView, ProductDetail, UserView } from '@shanhai/contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BUYER_ID, COOP_ID, COOP_USER, PRODUCT_DETAIL, PRODUCT_ID, SKU_ID } from '../../testing/fixtures';
import { apiError, json, type Handler } from '../../testing/fake-api';
import { cooperativeApi, portalApi } from '../../testing/portal-api';
import { rememberSession, renderPortal } from '../../testing/render-portal';

const AG_ID = 'abababab-abab-4bab-8bab-abababababab';
const CHANGE_ID = 'cdcdcdcd-cdcd-4dcd-8dcd-cdcdcdcdcdcd';
const COMMITMENT_ID = 'efefefef-efef-4fef-8fef-efefefefefef';
const SKU_2 = '59595959-5959-4959-8959-595959595959';
const SCHOOL = { id: BUYER_ID, name: '东澜市第一中学', nameEn: 'Donglan No. 1 Middle School' };

const terms = (version: number, over: Partial<AgreementTermsView> = {}): AgreementTermsView => ({
  version,
  status: 'accepted',
  proposedSide: 'buyer',
  proposedBy: 'u-school',
  proposedByName: '校长',
  proposedAt: '2026-11-01T02:00:00.000Z',
  decidedBy: 'u-coop',
  decidedByName: '合作社管理员',
  decidedAt: '2026-11-02T02:00:00.000Z',
  decisionNote: null,
  effectiveFrom: '2026-11-02',
  sku: { id: SKU_ID, code: 'POTATO-01-1', productId: PRODUCT_ID, productNameZh: '高山黄心土豆', productNameEn: 'Highland yellow potatoes', packingUnitZh: '10公斤箱', packingUnitEn: '10 kg case', netWeightG: 10000, listPriceFen: 4500, leadTimeDays: 2, minOrderQuantity: 2, orderMultiple: 1 },
  quantity: 20,
  price: { kind: 'fixed', unitPriceFen: 3500, basePriceFen: null, bandPermille: null, floorFen: null, ceilingFen: null },
  schedule: { kind: 'weekly', weekdays: [1, 4], dates: [] },
  deliverySite: { id: 'site-1', name: '第一中学食堂', address: '东澜市澜湾区学府路 1 号', countyCode: '339801' },
  startDate: '2026-11-30',
  endDate: '2027-03-29',
  paymentMethod: 'card',
  invoicing: 'per_delivery',
  orderDaysAhead: 4,
  noticeDays: 7,
  note: null,
  ...over,
});

const change = (over: Partial<DeliveryChangeView> = {}): DeliveryChangeView => ({
  id: CHANGE_ID,
  deliveryDate: '2026-12-10',
  kind: 'substitute',
  substituteSku: { id: SKU_2, code: 'POTATO-01-2', productNameZh: '高山黄心土豆', productNameEn: 'Highland yellow potatoes', packingUnitZh: '5公斤箱' },
  quantity: 40,
  unitPriceFen: 1800,
  status: 'proposed',
  proposedSide: 'buyer',
  proposedBy: 'u-school',
  decidedBy: null,
  decidedAt: null,
  note: '食堂改用小箱',
  createdAt: '2026-11-20T02:00:00.000Z',
  ...over,
});

const agreement = (over: Partial<AgreementView> = {}): AgreementView => ({
  id: AG_ID,
  number: 'AG20261101-ab12',
  status: 'active',
  buyer: SCHOOL,
  supplier: { id: COOP_ID, name: '青崖县高山马铃薯专业合作社', nameEn: 'Qingya Highland Potato Cooperative' },
  proposedSide: 'buyer',
  awaiting: null,
  currentVersion: 1,
  pendingVersion: null,
  skuCode: 'POTATO-01-1',
  productNameZh: '高山黄心土豆',
  productNameEn: 'Highland yellow potatoes',
  quantity: 20,
  startDate: '2026-11-30',
  endDate: '2027-03-29',
  nextDeliveryDate: '2026-12-03',
  createdAt: '2026-11-01T02:00:00.000Z',
  yourSide: 'supplier',
  current: terms(1),
  pending: null,
  versions: [terms(1)],
  pauses: [],
  changes: [],
  termination: null,
  commitmentId: null,
  activatedAt: '2026-11-02T02:00:00.000Z',
  closedAt: null,
  progress: {
    asOf: '2026-11-29',
    contractedDeliveries: 35,
    contractedUnits: 700,
    dueDeliveries: 0,
    dueUnits: 0,
    orderedDeliveries: 1,
    orderedFen: 70000,
    deliveredDeliveries: 0,
    deliveredUnits: 0,
    deliveredFen: 0,
    onTimeDeliveries: 0,
    lateDeliveries: 0,
    skippedDeliveries: 0,
    missedDeliveries: 0,
    cancelledDeliveries: 0,
    deliveredRatePermille: null,
    onTimeRatePermille: null,
  },
  upcoming: [],
  ...over,
});

const day = (date: string, status: 'scheduled' | 'ordered', changeOf: DeliveryChangeView | null = null) => ({
  date,
  version: 1,
  status,
  skuId: SKU_ID,
  skuCode: 'POTATO-01-1',
  quantity: 20,
  unitPriceFen: 3500,
  heldUnits: 0,
  generationOpensOn: date,
  cutOff: date,
  change: changeOf,
  buyerOrderId: status === 'ordered' ? 'bo-1' : null,
  orderNumber: status === 'ordered' ? 'SH-20261129-0001' : null,
  orderStatus: null,
  paymentStatus: null,
  supplierOrderStatus: null,
  receivedQuantity: null,
  receivedOn: null,
  onTime: null,
  reason: null,
});

/** The cooperative's product with a second SKU (a nearby grade) to substitute. */
const PRODUCT_WITH_TWO_SKUS: ProductDetail = {
  ...PRODUCT_DETAIL,
  skus: [...PRODUCT_DETAIL.skus, { ...PRODUCT_DETAIL.skus[0], id: SKU_2, code: 'POTATO-01-2', packingUnitZh: '5公斤箱', packingUnitEn: '5 kg case', priceFen: 2300 }],
};

/** The agreement as the API keeps it: every successful action answers the new state, which later reads return. */
function agreementApi(view: AgreementView, routes: Record<string, Handler> = {}, user: UserView = COOP_USER) {
  let state = view;
  const actions = Object.fromEntries(
    Object.entries(routes).map(([route, handler]): [string, Handler] => [
      route,
      async (request, url) => {
        const response = await handler(request, url);
        if (response.ok && route.startsWith(`POST /api/agreements/${AG_ID}`)) state = (await response.clone().json()) as AgreementView;
        return response;
      },
    ]),
  );
  return portalApi(user, {
    [`GET /api/agreements/${AG_ID}`]: () => json(state),
    [`GET /api/agreements/${AG_ID}/deliveries`]: () => json([day('2026-12-03', 'ordered'), day('2026-12-07', 'scheduled'), day('2026-12-10', 'scheduled', state.changes.find((c) => c.deliveryDate === '2026-12-10') ?? null)]),
    [`GET /api/catalog/products/${PRODUCT_ID}`]: () => json(PRODUCT_WITH_TWO_SKUS),
    ...actions,
  });
}

const posted = async (api: ReturnType<typeof cooperativeApi>, path: string, index = 0) => {
  const requests = api.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === path);
  return requests[index]?.json();
};

// Each test renders the whole portal in jsdom: slow on a shared machine.
const SLOW = { timeout: 30_000 };

describe('proposing an agreement from the portal', SLOW, () => {
  it('sends the buyer, the SKU, fen and weekdays, and shows the API’s reason beside its field', async () => {
    rememberSession();
    let calls = 0;
    const api = cooperativeApi({
      [`GET /api/suppliers/${COOP_ID}/buyers`]: () =>
        json([{ id: BUYER_ID, name: '东澜市第一中学', nameEn: 'Donglan No. 1 Middle School', buyerType: 'school', orders: 3, agreements: 1, commitments: 0, lastOrderAt: '2026-11-20T02:00:00.000Z' }]),
      'POST /api/agreements': () =>
        ++calls === 1
          ? apiError(400, 'VALIDATION_FAILED', 'startDate: must not be in the past', [{ field: 'startDate', reason: 'must not be in the past' }])
          : json(agreement({ id: AG_ID, status: 'proposed', current: null, pending: terms(1, { status: 'proposed', proposedSide: 'supplier', deliverySite: null }) }), 201),
    });
    const view = renderPortal('/agreements/new', api);
    const form = await screen.findByRole('form', { name: '向采购方提出协议' });
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /POTATO-01-1/ }).length).toBe(1));
    fireEvent.change(within(form).getByLabelText('采购方'), { target: { value: BUYER_ID } });
    fireEvent.change(within(form).getByLabelText('规格'), { target: { value: SKU_ID } });
    expect(within(form).getByText('起订 2，按 1 的倍数（单位：10公斤箱）；备货期 2 天')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('每次送货数量'), { target: { value: '20' } });
    fireEvent.change(within(form).getByLabelText('单价（元）'), { target: { value: '35.5' } });
    fireEvent.click(within(form).getByLabelText('周四'));
    fireEvent.click(within(form).getByLabelText('周一'));
    fireEvent.change(within(form).getByLabelText('开始日期'), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText('结束日期'), { target: { value: '2027-02-28' } });
    fireEvent.change(within(form).getByLabelText('付款方式'), { target: { value: 'invoice' } });
    fireEvent.change(within(form).getByLabelText('开票方式'), { target: { value: 'monthly' } });
    fireEvent.change(within(form).getByLabelText('备注（可选）'), { target: { value: '每周一、周四到货' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交协议提案' }));
    });
    await waitFor(() => expect(within(form).getByLabelText('开始日期').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('must not be in the past')).toBeTruthy();
    expect(await posted(api, '/api/agreements')).toEqual({
      buyerId: BUYER_ID,
      skuId: SKU_ID,
      quantity: 20,
      price: { kind: 'fixed', unitPriceFen: 3550 },
      schedule: { kind: 'weekly', weekdays: [1, 4] },
      startDate: '2026-11-01',
      endDate: '2027-02-28',
      paymentMethod: 'invoice',
      invoicing: 'monthly',
      note: '每周一、周四到货',
    });

    fireEvent.change(within(form).getByLabelText('开始日期'), { target: { value: '2026-12-07' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交协议提案' }));
    });
    await waitFor(() => expect(view.location()).toBe(`/agreements/${AG_ID}`));
    expect((await posted(api, '/api/agreements', 1)).startDate).toBe('2026-12-07');
    expect(await screen.findByTestId('awaiting-other')).toBeTruthy();
  });

  it('refuses a quantity below the SKU’s minimum without calling the API', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`GET /api/suppliers/${COOP_ID}/buyers`]: () => json([{ id: BUYER_ID, name: '东澜市第一中学', nameEn: null, buyerType: 'school', orders: 0, agreements: 1, commitments: 0, lastOrderAt: null }]),
    });
    renderPortal(`/agreements/new?buyer=${BUYER_ID}`, api);
    const form = await screen.findByRole('form', { name: '向采购方提出协议' });
    expect((within(form).getByLabelText('采购方') as HTMLSelectElement).value).toBe(BUYER_ID);
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /POTATO-01-1/ }).length).toBe(1));
    fireEvent.change(within(form).getByLabelText('规格'), { target: { value: SKU_ID } });
    fireEvent.change(within(form).getByLabelText('每次送货数量'), { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交协议提案' }));
    });
    expect(within(form).getByText('不少于起订量 2')).toBeTruthy();
    expect(within(form).getByText('请填写此项', { selector: '#proposal-weekdays-error' })).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

describe('an agreement, the cooperative’s side', SLOW, () => {
  it('amends with the whole terms prefilled from those in force', async () => {
    rememberSession();
    const api = agreementApi(agreement(), {
      [`POST /api/agreements/${AG_ID}/amendments`]: () => json(agreement({ pending: terms(2, { status: 'proposed', proposedSide: 'supplier' }), versions: [terms(1), terms(2, { status: 'proposed', proposedSide: 'supplier' })] }), 201),
    });
    renderPortal(`/agreements/${AG_ID}`, api);
    fireEvent.click(await screen.findByRole('button', { name: '提出修改' }));
    const form = screen.getByRole('form', { name: '修改条款' });
    expect((within(form).getByLabelText('单价（元）') as HTMLInputElement).value).toBe('35');
    fireEvent.change(within(form).getByLabelText('单价（元）'), { target: { value: '36.2' } });
    fireEvent.change(within(form).getByLabelText('新条款生效日（可选）'), { target: { value: '2026-12-14' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交第 2 版条款' }));
    });
    expect(await screen.findByText('已提出第 2 版条款，等待采购方确认。')).toBeTruthy();
    expect(await posted(api, `/api/agreements/${AG_ID}/amendments`)).toEqual({
      skuId: SKU_ID,
      quantity: 20,
      price: { kind: 'fixed', unitPriceFen: 3620 },
      schedule: { kind: 'weekly', weekdays: [1, 4] },
      startDate: '2026-11-30',
      endDate: '2027-03-29',
      paymentMethod: 'card',
      orderDaysAhead: 4,
      noticeDays: 7,
      effectiveFrom: '2026-12-14',
    });
  });

  it('files a break, the API’s notice reason beside the first day', async () => {
    rememberSession();
    let calls = 0;
    const api = agreementApi(agreement(), {
      [`POST /api/agreements/${AG_ID}/pauses`]: () =>
        ++calls === 1
          ? apiError(400, 'VALIDATION_FAILED', 'from: must be 2026-12-06 or later (7 days’ notice)', [{ field: 'from', reason: 'must be 2026-12-06 or later (7 days’ notice)' }])
          : json(agreement({ pauses: [{ id: 'p1', from: '2027-01-18', until: '2027-02-21', side: 'supplier', reason: '寒假', createdAt: '2026-11-29T02:00:00.000Z' }] }), 201),
    });
    renderPortal(`/agreements/${AG_ID}`, api);
    const form = await screen.findByRole('form', { name: '登记暂停' });
    fireEvent.change(within(form).getByLabelText('停送开始日'), { target: { value: '2026-12-01' } });
    fireEvent.change(within(form).getByLabelText('停送最后一日（可选）'), { target: { value: '2027-02-21' } });
    fireEvent.change(within(form).getByLabelText('原因（可选）'), { target: { value: '寒假' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '登记暂停' }));
    });
    await waitFor(() => expect(within(form).getByLabelText('停送开始日').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('must be 2026-12-06 or later (7 days’ notice)')).toBeTruthy();
    expect(await posted(api, `/api/agreements/${AG_ID}/pauses`)).toEqual({ from: '2026-12-01', until: '2027-02-21', reason: '寒假' });

    fireEvent.change(within(form).getByLabelText('停送开始日'), { target: { value: '2027-01-18' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '登记暂停' }));
    });
    expect(await screen.findByText('已登记停送：2027-01-18 至 2027-02-21。')).toBeTruthy();
    expect(await posted(api, `/api/agreements/${AG_ID}/pauses`, 1)).toEqual({ from: '2027-01-18', until: '2027-02-21', reason: '寒假' });
    expect(screen.getByTestId('agreement-pauses').textContent).toContain('2027-01-18 至 2027-02-21 停送（本社登记）');
  });

  it('accepts the buyer’s substitution, shown on its day', async () => {
    rememberSession();
    const pending = change();
    const api = agreementApi(agreement({ changes: [pending] }), {
      [`POST /api/agreements/${AG_ID}/delivery-changes/${CHANGE_ID}/decision`]: () => json(agreement({ changes: [{ ...pending, status: 'accepted' }] })),
    });
    renderPortal(`/agreements/${AG_ID}`, api);
    const row = await screen.findByTestId('change-2026-12-10');
    expect(row.textContent).toContain('换为 高山黄心土豆 · POTATO-01-2 · 40 件');
    expect(row.textContent).toContain('¥18.00');
    expect((await screen.findByTestId('delivery-2026-12-10')).textContent).toContain('换为 高山黄心土豆 · POTATO-01-2（待确认）');
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: '同意 2026-12-10 的调整' }));
    });
    expect(await screen.findByText('已同意 2026-12-10 的调整。')).toBeTruthy();
    expect(await posted(api, `/api/agreements/${AG_ID}/delivery-changes/${CHANGE_ID}/decision`)).toEqual({ decision: 'accept' });
    await waitFor(() => expect(screen.getByTestId('change-2026-12-10').textContent).toContain('已同意'));
  });

  it('lets staff propose a substitution for a day, but not commit the cooperative', async () => {
    rememberSession();
    const staff: UserView = { ...COOP_USER, memberships: COOP_USER.memberships.filter((m) => m.role === 'supplier_staff') };
    const api = agreementApi(agreement(), { [`POST /api/agreements/${AG_ID}/delivery-changes`]: () => json(agreement({ changes: [change({ proposedSide: 'supplier', deliveryDate: '2026-12-07' })] }), 201) }, staff);
    renderPortal(`/agreements/${AG_ID}`, api);
    await screen.findByTestId('agreement-calendar');
    expect(screen.queryByRole('button', { name: '提出修改' })).toBeNull();
    expect(screen.queryByRole('form', { name: '登记暂停' })).toBeNull();
    expect(screen.queryByRole('button', { name: '调整 2026-12-03 的送货' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '调整 2026-12-07 的送货' }));
    const form = screen.getByRole('form', { name: '调整 2026-12-07 的送货' });
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /POTATO-01-2/ }).length).toBe(1));
    expect(within(form).queryByRole('option', { name: /POTATO-01-1/ })).toBeNull();
    fireEvent.change(within(form).getByLabelText('换用的规格'), { target: { value: SKU_2 } });
    fireEvent.change(within(form).getByLabelText('数量（可选）'), { target: { value: '40' } });
    fireEvent.change(within(form).getByLabelText('单价（元，可选）'), { target: { value: '18' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交调整' }));
    });
    expect(await screen.findByText('已提出 2026-12-07 的调整，等待采购方确认。')).toBeTruthy();
    expect(await posted(api, `/api/agreements/${AG_ID}/delivery-changes`)).toEqual({ deliveryDate: '2026-12-07', kind: 'substitute', substituteSkuId: SKU_2, quantity: 40, unitPriceFen: 1800 });
  });

  it('ends early only after confirming, and withdraws our own pending version', async () => {
    rememberSession();
    const ours = terms(2, { status: 'proposed', proposedSide: 'supplier', quantity: 30 });
    const api = agreementApi(agreement({ pending: ours, versions: [terms(1), ours] }), {
      [`POST /api/agreements/${AG_ID}/termination`]: () => json(agreement({ pending: ours, versions: [terms(1), ours], termination: { lastDeliveryOn: '2027-01-31', side: 'supplier', by: 'u-coop', reason: '减产' } })),
      [`POST /api/agreements/${AG_ID}/decision`]: () => json(agreement()),
    });
    renderPortal(`/agreements/${AG_ID}`, api);
    const form = await screen.findByRole('form', { name: '提前终止' });
    fireEvent.change(within(form).getByLabelText('最后送货日（可选）'), { target: { value: '2027-01-31' } });
    fireEvent.change(within(form).getByLabelText('终止原因'), { target: { value: '减产' } });
    fireEvent.click(within(form).getByRole('button', { name: '提前终止协议' }));
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    expect(within(form).getByTestId('end-confirm').textContent).toContain('2027-01-31 之后不再送货');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '确认提前终止' }));
    });
    expect(await posted(api, `/api/agreements/${AG_ID}/termination`)).toEqual({ lastDeliveryOn: '2027-01-31', reason: '减产' });
    expect((await screen.findByTestId('agreement-termination')).textContent).toContain('最后送货日 2027-01-31（本社提出）');

    expect(screen.getByTestId('agreement-versions').textContent).toContain('第 2 版');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '撤回第 2 版条款' }));
    });
    expect(await posted(api, `/api/agreements/${AG_ID}/decision`)).toEqual({ version: 2, decision: 'withdraw' });
  });
});

describe('pre-harvest commitments', SLOW, () => {
  const commitment = (over: Partial<CommitmentView> = {}): CommitmentView => ({
    id: COMMITMENT_ID,
    buyer: SCHOOL,
    supplier: { id: COOP_ID, name: '青崖县高山马铃薯专业合作社', nameEn: null },
    product: { id: PRODUCT_ID, nameZh: '高山黄心土豆', nameEn: 'Highland yellow potatoes' },
    sku: { id: SKU_ID, code: 'POTATO-01-1', packingUnitZh: '10公斤箱', packingUnitEn: '10 kg case', netWeightG: 10000 },
    harvestMonth: '2027-09',
    quantity: 120,
    targetPriceFen: 3000,
    deliverySiteId: 'site-1',
    note: '秋季学期',
    status: 'open',
    createdAt: '2026-11-01T02:00:00.000Z',
    acknowledgedAt: null,
    decisionNote: null,
    agreementId: null,
    buyerOrderId: null,
    convertedAt: null,
    ...over,
  });

  it('lists those addressed to the cooperative and acknowledges one with a note', async () => {
    rememberSession();
    let current = commitment();
    const api = cooperativeApi({
      'GET /api/agreements': () => json({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /api/commitments': () => json({ items: [current], total: 1, page: 1, pageSize: 20 }),
      [`GET /api/suppliers/${COOP_ID}/commitment-demand`]: () => json({ supplierId: COOP_ID, from: '2026-11', to: '2027-10', months: [] }),
      [`GET /api/commitments/${COMMITMENT_ID}`]: () => json(current),
      [`POST /api/commitments/${COMMITMENT_ID}/decision`]: () => {
        current = commitment({ status: 'acknowledged', acknowledgedAt: '2026-11-29T02:00:00.000Z', decisionNote: '已安排种植' });
        return json(current);
      },
    });
    const view = renderPortal('/agreements', api);
    const row = await screen.findByTestId('commitment-row');
    expect(row.textContent).toContain('东澜市第一中学');
    expect(row.textContent).toContain('¥30.00');
    expect(api.queriesTo('/api/commitments')[0].get('organisationId')).toBe(COOP_ID);
    fireEvent.change(screen.getByLabelText('按状态'), { target: { value: 'open' } });
    await waitFor(() => expect(api.queriesTo('/api/commitments').some((q) => q.get('status') === 'open')).toBe(true));
    fireEvent.click(within(await screen.findByTestId('commitment-row')).getByRole('link'));
    await waitFor(() => expect(view.location()).toBe(`/commitments/${COMMITMENT_ID}`));
    fireEvent.change(await screen.findByLabelText('说明（可选，采购方可见）'), { target: { value: '已安排种植' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认预购' }));
    });
    expect(await screen.findByText('已确认预购。')).toBeTruthy();
    expect(await posted(api, `/api/commitments/${COMMITMENT_ID}/decision`)).toEqual({ decision: 'acknowledge', note: '已安排种植' });
    await waitFor(() => expect(screen.getByTestId('commitment-status').textContent).toBe('已确认'));
  });

  it('turns an acknowledged commitment into an agreement proposal prefilled from it', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`GET /api/commitments/${COMMITMENT_ID}`]: () => json(commitment({ status: 'acknowledged' })),
      [`POST /api/commitments/${COMMITMENT_ID}/agreement`]: () => json(agreement({ status: 'proposed', current: null, commitmentId: COMMITMENT_ID, pending: terms(1, { status: 'proposed', proposedSide: 'supplier' }) }), 201),
      [`GET /api/agreements/${AG_ID}`]: () => json(agreement({ status: 'proposed', current: null, commitmentId: COMMITMENT_ID, pending: terms(1, { status: 'proposed', proposedSide: 'supplier' }) })),
    });
    const view = renderPortal(`/commitments/${COMMITMENT_ID}`, api);
    fireEvent.click(await screen.findByRole('button', { name: '转为协议提案' }));
    const form = screen.getByRole('form', { name: '转为协议提案' });
    expect((within(form).getByLabelText('每次送货数量') as HTMLInputElement).value).toBe('120');
    expect((within(form).getByLabelText('单价（元）') as HTMLInputElement).value).toBe('30');
    expect((within(form).getByLabelText('开始日期') as HTMLInputElement).value).toBe('2027-09-01');
    expect((within(form).getByLabelText('结束日期') as HTMLInputElement).value).toBe('2027-09-30');
    fireEvent.change(within(form).getByLabelText('送货日程'), { target: { value: 'dates' } });
    fireEvent.change(within(form).getByLabelText('送货日期'), { target: { value: '2027-09-06\n2027-09-20' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交协议提案' }));
    });
    await waitFor(() => expect(view.location()).toBe(`/agreements/${AG_ID}`));
    expect(await posted(api, `/api/commitments/${COMMITMENT_ID}/agreement`)).toEqual({
      skuId: SKU_ID,
      quantity: 120,
      price: { kind: 'fixed', unitPriceFen: 3000 },
      schedule: { kind: 'dates', dates: ['2027-09-06', '2027-09-20'] },
      deliverySiteId: 'site-1',
      startDate: '2027-09-01',
      endDate: '2027-09-30',
      paymentMethod: 'card',
      note: '秋季学期',
    });
  });
});

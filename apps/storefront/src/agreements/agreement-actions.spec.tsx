import type { AgreementView, SessionView } from '@shanhai/contract';
import { addDays, businessDay } from '@shanhai/domain';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementView, AGREEMENT_ID, changeView, cooperativeProducts, deliveryView, GRADE_TWO_SKU_ID, termsView } from '../testing/agreement-fixtures';
import { apiError, fakeApi, json, type Handler } from '../testing/fake-api';
import { BUYER_ORG_ID, catalogItem, catalogPage, SCHOOL_SESSION, SCHOOL_SITES, SUPPLIER_ID } from '../testing/fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

const PATH = `/api/agreements/${AGREEMENT_ID}`;

const PURCHASER_SESSION: SessionView = {
  ...SCHOOL_SESSION,
  user: { ...SCHOOL_SESSION.user, memberships: [SCHOOL_SESSION.user.memberships[0]] },
};

/** The school's agreement with two scheduled days; records every body posted. */
function agreementApi(view: AgreementView = agreementView(), routes: Record<string, Handler> = {}, session = SCHOOL_SESSION) {
  rememberSession(session.token);
  const posted: Array<{ path: string; body: unknown }> = [];
  const products = cooperativeProducts();
  const record = (answer: () => Response): Handler => async (request, url) => {
    posted.push({ path: url.pathname, body: await request.clone().json() });
    return answer();
  };
  const api = fakeApi({
    'GET /api/auth/me': () => json(session.user),
    [`GET /api/organisations/${BUYER_ORG_ID}/delivery-sites`]: () => json(SCHOOL_SITES),
    [`GET ${PATH}`]: () => json(view),
    [`GET ${PATH}/deliveries`]: () => json([deliveryView('2026-12-10'), deliveryView('2026-12-14', { change: view.changes[0] ?? null })]),
    'GET /api/catalog/products': (_r, url) =>
      json(url.searchParams.get('supplier') === SUPPLIER_ID ? catalogPage(products.map((p) => catalogItem({ id: p.id, nameZh: p.nameZh }))) : catalogPage([])),
    'GET /api/catalog/products/*': (_r, url) => {
      const found = products.find((p) => url.pathname.endsWith(p.id));
      return found ? json(found) : apiError(404, 'NOT_FOUND', 'no product');
    },
    [`POST ${PATH}/delivery-changes`]: record(() => json({}, 201)),
    [`POST ${PATH}/amendments`]: record(() => json(agreementView({ pending: termsView({ version: 2, status: 'proposed', quantity: 25 }) }), 201)),
    [`POST ${PATH}/termination`]: record(() => json({}, 201)),
    [`POST ${PATH}/delivery-changes/*`]: record(() => json({})),
    ...routes,
  });
  return { api, posted };
}

const click = async (element: HTMLElement) => {
  await act(async () => {
    fireEvent.click(element);
  });
};

afterEach(() => localStorage.clear());

describe('substituting a scheduled delivery', () => {
  it('offers the cooperative’s other SKUs and sends the substitute with its quantity and price in fen', async () => {
    const { api, posted } = agreementApi();
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    await click(await screen.findByRole('button', { name: '为 2026-12-10 的送货换规格' }));
    const form = await screen.findByRole('form', { name: '2026-12-10 换规格送货' });
    const sku = await within(form).findByLabelText('替换规格（同一合作社）');
    // The agreement's own SKU is not offered; the other grade and the other product are.
    const options = within(sku).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['高山黄心土豆 · POTATO-01-2 · 10公斤箱', '紫皮土豆 · POTATO-02-1 · 10公斤箱']);
    fireEvent.change(sku, { target: { value: GRADE_TWO_SKU_ID } });
    fireEvent.change(within(form).getByLabelText('数量（可选）'), { target: { value: '25' } });
    fireEvent.change(within(form).getByLabelText('单价（元，可选）'), { target: { value: '33.5' } });
    await click(within(form).getByRole('button', { name: '提议 2026-12-10 换规格' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      path: `${PATH}/delivery-changes`,
      body: { deliveryDate: '2026-12-10', kind: 'substitute', substituteSkuId: GRADE_TWO_SKU_ID, quantity: 25, unitPriceFen: 3350 },
    });
    expect(await screen.findByText('已提议 2026-12-10 换规格送货，等待合作社确认。')).toBeTruthy();
  });

  it('shows the API’s reason beside the field it names', async () => {
    const { api } = agreementApi(agreementView(), {
      [`POST ${PATH}/delivery-changes`]: () => apiError(400, 'VALIDATION_FAILED', 'bad', [{ field: 'quantity', reason: 'quantity: at least 5, in multiples of 5' }]),
    });
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    await click(await screen.findByRole('button', { name: '为 2026-12-10 的送货换规格' }));
    const form = await screen.findByRole('form', { name: '2026-12-10 换规格送货' });
    await within(form).findByLabelText('替换规格（同一合作社）');
    fireEvent.change(within(form).getByLabelText('数量（可选）'), { target: { value: '3' } });
    await click(within(form).getByRole('button', { name: '提议 2026-12-10 换规格' }));
    const quantity = within(form).getByLabelText('数量（可选）');
    await waitFor(() => expect(quantity.getAttribute('aria-invalid')).toBe('true'));
    const described = (quantity.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('quantity: at least 5, in multiples of 5');
  });
});

describe('the other side’s delivery changes', () => {
  it('shows the cooperative’s skip on its day and waiting for us, and accepts it', async () => {
    const theirs = changeView();
    const ours = changeView({ id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a', deliveryDate: '2026-12-17', kind: 'substitute', proposedSide: 'buyer', quantity: 20, unitPriceFen: 3200, note: null, substituteSku: { id: GRADE_TWO_SKU_ID, code: 'POTATO-01-2', productNameZh: '高山黄心土豆', productNameEn: null, packingUnitZh: '10公斤箱' } });
    const { api, posted } = agreementApi(agreementView({ changes: [theirs, ours] }));
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    const waiting = await screen.findByTestId('changes-waiting-you');
    expect(waiting.textContent).toContain('2026-12-14');
    expect(waiting.textContent).toContain('合作社提议：跳过这次送货');
    expect(waiting.textContent).toContain('山路塌方');
    expect((await screen.findByTestId('day-change-2026-12-14')).textContent).toBe('合作社：跳过这次送货（待您确认）');
    // A day with a live change cannot be skipped again.
    expect(screen.queryByRole('button', { name: '跳过 2026-12-14 的送货' })).toBeNull();
    expect(screen.getByTestId('changes-waiting-them').textContent).toContain('换成 高山黄心土豆 · POTATO-01-2，20 件，单价 ¥32.00');

    await click(within(waiting).getByRole('button', { name: '接受 2026-12-14 的变更' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ path: `${PATH}/delivery-changes/${theirs.id}/decision`, body: { decision: 'accept' } });
    expect(await screen.findByText('已接受 2026-12-14 的变更。')).toBeTruthy();

    await click(screen.getByRole('button', { name: '撤回 2026-12-17 的变更' }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toEqual({ path: `${PATH}/delivery-changes/${ours.id}/decision`, body: { decision: 'withdraw' } });
  });
});

describe('amending the terms', () => {
  it('starts from the terms in force and sends them whole with the changes and the effective date', async () => {
    const { api, posted } = agreementApi();
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    await click(await screen.findByRole('button', { name: '提出条款修改' }));
    const form = await screen.findByRole('form', { name: '修改第 1 版条款' });
    expect((within(form).getByLabelText('每次送货数量') as HTMLInputElement).value).toBe('20');
    expect((within(form).getByLabelText('单价（元）') as HTMLInputElement).value).toBe('35');
    fireEvent.change(within(form).getByLabelText('每次送货数量'), { target: { value: '25' } });
    fireEvent.change(within(form).getByLabelText('价格方式'), { target: { value: 'reference_band' } });
    fireEvent.change(within(form).getByLabelText('参考价（元）'), { target: { value: '36' } });
    fireEvent.change(within(form).getByLabelText('浮动幅度'), { target: { value: '8' } });
    fireEvent.change(within(form).getByLabelText('幅度单位'), { target: { value: 'percent' } });
    fireEvent.change(within(form).getByLabelText('送货日程方式'), { target: { value: 'dates' } });
    fireEvent.change(within(form).getByLabelText('送货日期 1'), { target: { value: '2027-01-20' } });
    await click(within(form).getByRole('button', { name: '添加送货日期' }));
    fireEvent.change(within(form).getByLabelText('送货日期 2'), { target: { value: '2027-01-06' } });
    fireEvent.change(within(form).getByLabelText('付款方式'), { target: { value: 'invoice' } });
    fireEvent.change(within(form).getByLabelText('开票方式'), { target: { value: 'monthly' } });
    fireEvent.change(within(form).getByLabelText('生效日期（可选）'), { target: { value: '2027-01-01' } });
    await click(within(form).getByRole('button', { name: '提交修改提案' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      path: `${PATH}/amendments`,
      body: {
        skuId: termsView().sku.id,
        quantity: 25,
        price: { kind: 'reference_band', basePriceFen: 3600, bandPermille: 80 },
        schedule: { kind: 'dates', dates: ['2027-01-06', '2027-01-20'] },
        deliverySiteId: SCHOOL_SITES[0].id,
        startDate: '2026-11-02',
        endDate: '2027-02-28',
        paymentMethod: 'invoice',
        invoicing: 'monthly',
        orderDaysAhead: 4,
        noticeDays: 7,
        effectiveFrom: '2027-01-01',
      },
    });
    expect(await screen.findByText('已提交第 2 版条款，等待合作社确认。')).toBeTruthy();
  });

  it('shows NET_TERMS_NOT_APPROVED beside the payment method, and a bad calendar day beside its row', async () => {
    let answer = apiError(409, 'NET_TERMS_NOT_APPROVED', 'paymentMethod: not approved', [{ field: 'paymentMethod', reason: 'paymentMethod: the buyer organisation is not approved to pay by invoice' }]);
    const { api } = agreementApi(agreementView(), { [`POST ${PATH}/amendments`]: () => answer });
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    await click(await screen.findByRole('button', { name: '提出条款修改' }));
    const form = await screen.findByRole('form', { name: '修改第 1 版条款' });
    fireEvent.change(within(form).getByLabelText('付款方式'), { target: { value: 'invoice' } });
    await click(within(form).getByRole('button', { name: '提交修改提案' }));
    const method = within(form).getByLabelText('付款方式');
    await waitFor(() => expect(method.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(method.getAttribute('aria-describedby') ?? '')?.textContent).toBe('paymentMethod: the buyer organisation is not approved to pay by invoice');
    expect(within(form).queryByRole('alert')).toBeNull();

    // The API names the index in the list sent (sorted): the error goes to the row holding that day.
    answer = apiError(400, 'VALIDATION_FAILED', 'bad', [{ field: 'schedule.dates[1]', reason: 'schedule.dates[1]: outside the period' }]);
    fireEvent.change(within(form).getByLabelText('送货日程方式'), { target: { value: 'dates' } });
    fireEvent.change(within(form).getByLabelText('送货日期 1'), { target: { value: '2027-05-01' } });
    await click(within(form).getByRole('button', { name: '添加送货日期' }));
    fireEvent.change(within(form).getByLabelText('送货日期 2'), { target: { value: '2027-01-06' } });
    await click(within(form).getByRole('button', { name: '提交修改提案' }));
    const first = within(form).getByLabelText('送货日期 1');
    await waitFor(() => expect(first.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByLabelText('送货日期 2').getAttribute('aria-invalid')).toBeNull();
  });

  it('lists each version with what it changed', async () => {
    const v1 = termsView();
    const v2 = termsView({ version: 2, status: 'proposed', quantity: 25, decidedAt: null, effectiveFrom: '2027-01-01' });
    const { api } = agreementApi(agreementView({ versions: [v1, v2], pending: v2, pendingVersion: 2, awaiting: 'supplier' }));
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    expect((await screen.findByTestId('version-2')).textContent).toContain('每次数量：20 → 25');
    expect(screen.getByTestId('version-1').textContent).toContain('首版条款');
    // One proposal at a time: the amendment waits for the pending version.
    expect(screen.getByText('第 2 版条款正在等待确认，确认或撤回后才能再提出修改。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提出条款修改' })).toBeNull();
  });
});

describe('ending early', () => {
  it('asks for a reason, confirms with the last delivery day, and sends it', async () => {
    const { api, posted } = agreementApi();
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    const earliest = addDays(businessDay(), 7);
    const form = await screen.findByRole('form', { name: '提前终止' });
    expect(within(form).getByText(`需提前 7 天通知，最早 ${earliest}；此日之前的送货照常进行。`)).toBeTruthy();
    await click(within(form).getByRole('button', { name: '提前终止协议…' }));
    expect(within(form).getByText('请填写终止原因')).toBeTruthy();
    expect(posted).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('终止原因'), { target: { value: '学期结束' } });
    await click(within(form).getByRole('button', { name: '提前终止协议…' }));
    await click(within(form).getByRole('button', { name: `确认终止（最后送货 ${earliest}）` }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ path: `${PATH}/termination`, body: { reason: '学期结束', lastDeliveryOn: earliest } });
  });

  it('shows a filed termination instead of the form', async () => {
    const { api } = agreementApi(agreementView({ termination: { lastDeliveryOn: '2026-12-31', side: 'buyer', by: 'u', reason: '学期结束' } }));
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    expect((await screen.findByTestId('agreement-termination')).textContent).toBe('本协议已由采购方提前终止，最后送货日期为 2026-12-31。 原因：学期结束');
    expect(screen.queryByRole('form', { name: '提前终止' })).toBeNull();
  });
});

describe('who may do what', () => {
  it('lets a purchaser skip, substitute and decide changes, but not amend or end the agreement', async () => {
    const { api } = agreementApi(agreementView({ changes: [changeView()] }), {}, PURCHASER_SESSION);
    renderStorefront(`/agreements/${AGREEMENT_ID}`, api);
    expect(await screen.findByRole('button', { name: '为 2026-12-10 的送货换规格' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '跳过 2026-12-10 的送货' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '接受 2026-12-14 的变更' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提出条款修改' })).toBeNull();
    expect(screen.queryByRole('form', { name: '提前终止' })).toBeNull();
  });
});

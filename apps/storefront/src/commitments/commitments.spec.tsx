import type { SessionView } from '@shanhai/contract';
import { businessDay } from '@shanhai/domain';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementView, AGREEMENT_ID, COMMITMENT_ID, commitmentView } from '../testing/agreement-fixtures';
import { apiError, fakeApi, json, type Handler } from '../testing/fake-api';
import { BUYER_ORG_ID, POTATO_ID, productDetail, SCHOOL_SESSION, SCHOOL_SITES } from '../testing/fixtures';
import { ORDER_ID, orderView, POTATO_SKU_ID } from '../testing/ordering-fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';
import { addMonths, buildCommitment, harvestMonths } from './commitment-model';

const APPROVER_ONLY: SessionView = {
  ...SCHOOL_SESSION,
  user: { ...SCHOOL_SESSION.user, memberships: [{ ...SCHOOL_SESSION.user.memberships[0], role: 'buyer_approver' }] },
};

function schoolApi(routes: Record<string, Handler> = {}, session = SCHOOL_SESSION) {
  rememberSession(session.token);
  const posted: Array<{ path: string; body: unknown }> = [];
  const record = (answer: () => Response): Handler => async (request, url) => {
    posted.push({ path: url.pathname, body: await request.clone().json() });
    return answer();
  };
  const api = fakeApi({
    'GET /api/auth/me': () => json(session.user),
    [`GET /api/organisations/${BUYER_ORG_ID}/delivery-sites`]: () => json(SCHOOL_SITES),
    [`GET /api/catalog/products/${POTATO_ID}`]: () => json(productDetail()),
    'GET /api/commitments': (_r, url) => json({ items: url.searchParams.get('status') === 'cancelled' ? [] : [commitmentView()], total: 1, page: 1, pageSize: 20 }),
    [`GET /api/commitments/${COMMITMENT_ID}`]: () => json(commitmentView()),
    'POST /api/commitments': record(() => json(commitmentView({ status: 'open', acknowledgedAt: null, decisionNote: null }), 201)),
    [`POST /api/commitments/${COMMITMENT_ID}/cancellation`]: record(() => json(commitmentView({ status: 'cancelled' }))),
    [`POST /api/commitments/${COMMITMENT_ID}/order`]: record(() => json(orderView(), 201)),
    [`POST /api/commitments/${COMMITMENT_ID}/agreement`]: record(() => json(agreementView({ status: 'proposed' }), 201)),
    [`GET /api/orders/${ORDER_ID}`]: () => json(orderView()),
    [`GET /api/agreements/${AGREEMENT_ID}`]: () => json(agreementView({ status: 'proposed' })),
    [`GET /api/agreements/${AGREEMENT_ID}/deliveries`]: () => json([]),
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

describe('commitment model', () => {
  it('offers this month and the 24 after it', () => {
    const months = harvestMonths('2026-11-29');
    expect(months).toHaveLength(25);
    expect([months[0], months[1], months[2], months[24]]).toEqual(['2026-11', '2026-12', '2027-01', '2028-11']);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });

  it('sends the target price in fen and leaves empty optional fields out', () => {
    expect(buildCommitment({ skuId: 's', harvestMonth: '2027-09', quantity: '120', targetPriceYuan: '36.5', deliverySiteId: '', note: ' ' }, 'org')).toEqual({
      body: { organisationId: 'org', skuId: 's', harvestMonth: '2027-09', quantity: 120, targetPriceFen: 3650 },
    });
    expect(buildCommitment({ skuId: '', harvestMonth: '2027-13', quantity: '0', targetPriceYuan: 'abc', deliverySiteId: '', note: '' })).toEqual({
      problems: ['skuId', 'harvestMonth', 'quantity', 'targetPriceFen'],
    });
  });
});

describe('committing to a harvest', () => {
  it('is offered on the product page next to the agreement, and sends the commitment', async () => {
    const { api, posted } = schoolApi();
    const app = renderStorefront(`/products/${POTATO_ID}`, api);
    const link = await screen.findByRole('link', { name: '预购收成' });
    expect(link.getAttribute('href')).toBe(`/commitments/new?product=${POTATO_ID}&sku=${POTATO_SKU_ID}`);
    expect(screen.getByRole('link', { name: '签订采购协议' })).toBeTruthy();
    await click(link);
    const form = await screen.findByRole('form', { name: '预购 — 承诺采购一季收成' });
    const month = within(form).getByLabelText('采收月份') as HTMLSelectElement;
    const options = within(month).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(options[0]).toBe(businessDay().slice(0, 7));
    expect(options).toHaveLength(25);
    fireEvent.change(month, { target: { value: options[10] } });
    fireEvent.change(within(form).getByLabelText('预购数量'), { target: { value: '120' } });
    fireEvent.change(within(form).getByLabelText('目标单价（元，可选）'), { target: { value: '36' } });
    fireEvent.change(within(form).getByLabelText('送货地点（可选）'), { target: { value: SCHOOL_SITES[0].id } });
    fireEvent.change(within(form).getByLabelText('备注（可选）'), { target: { value: '秋季学期' } });
    await click(within(form).getByRole('button', { name: '提交预购' }));
    await waitFor(() => expect(app.location()).toBe(`/commitments/${COMMITMENT_ID}?created=1`));
    expect(posted).toEqual([
      {
        path: '/api/commitments',
        body: { organisationId: BUYER_ORG_ID, skuId: POTATO_SKU_ID, harvestMonth: options[10], quantity: 120, targetPriceFen: 3600, deliverySiteId: SCHOOL_SITES[0].id, note: '秋季学期' },
      },
    ]);
    expect(await screen.findByText('预购已提交，等待合作社确认。')).toBeTruthy();
  });

  it('shows the API’s reason beside the harvest month', async () => {
    const { api } = schoolApi({ 'POST /api/commitments': () => apiError(400, 'VALIDATION_FAILED', 'bad', [{ field: 'harvestMonth', reason: 'harvestMonth: at most 24 months ahead' }]) });
    renderStorefront(`/commitments/new?product=${POTATO_ID}&sku=${POTATO_SKU_ID}`, api);
    const form = await screen.findByRole('form', { name: '预购 — 承诺采购一季收成' });
    await click(within(form).getByRole('button', { name: '提交预购' }));
    const month = within(form).getByLabelText('采收月份');
    await waitFor(() => expect(month.getAttribute('aria-invalid')).toBe('true'));
    const described = (month.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('harvestMonth: at most 24 months ahead');
  });
});

describe('the commitments list', () => {
  it('lists them by harvest month, as a tab beside the agreements, and filters by status', async () => {
    const { api } = schoolApi();
    const app = renderStorefront('/commitments', api);
    const row = await screen.findByTestId('commitment-row');
    expect(row.textContent).toContain('高山黄心土豆');
    expect(row.textContent).toContain('120 10公斤箱');
    expect(row.textContent).toContain('¥36.00');
    expect(row.textContent).toContain('合作社已确认');
    expect(within(row).getByRole('link', { name: '查看 2027-09 高山黄心土豆 的预购' }).getAttribute('href')).toBe(`/commitments/${COMMITMENT_ID}`);
    // A tab beside the agreements, not a header link (the header is full for public buyers on net terms).
    const tabs = screen.getByRole('navigation', { name: '采购协议与预购' });
    expect(within(tabs).getByRole('link', { name: '预购' }).getAttribute('aria-current')).toBe('page');
    expect(within(tabs).getByRole('link', { name: '采购协议' }).getAttribute('href')).toBe('/agreements');
    expect(screen.getByRole('banner').querySelector('a[href="/commitments"]')).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('按状态筛选'), { target: { value: 'cancelled' } });
    });
    await waitFor(() => expect(app.location()).toBe('/commitments?status=cancelled'));
    expect(await screen.findByText('还没有预购。在产品页的规格旁可以发起预购。')).toBeTruthy();
    expect(api.queriesTo('/api/commitments').at(-1)?.get('status')).toBe('cancelled');
    expect(api.queriesTo('/api/commitments')[0].get('organisationId')).toBe(BUYER_ORG_ID);
  });
});

describe('one commitment', () => {
  it('shows the cooperative’s acknowledgement and cancels after a confirmation', async () => {
    const { api, posted } = schoolApi();
    renderStorefront(`/commitments/${COMMITMENT_ID}`, api);
    expect((await screen.findByTestId('commitment-answer')).textContent).toContain('合作社说明：已安排 30 亩种植');
    expect(screen.getByTestId('commitment-status').textContent).toBe('合作社已确认');
    await click(screen.getByRole('button', { name: '取消这次预购…' }));
    fireEvent.change(screen.getByLabelText('取消原因（可选）'), { target: { value: '预算调整' } });
    await click(screen.getByRole('button', { name: '确认取消 2027-09 的预购' }));
    await waitFor(() => expect(posted).toEqual([{ path: `/api/commitments/${COMMITMENT_ID}/cancellation`, body: { reason: '预算调整' } }]));
  });

  it('orders from it and goes to the new order', async () => {
    const { api, posted } = schoolApi();
    const app = renderStorefront(`/commitments/${COMMITMENT_ID}`, api);
    await click(await screen.findByRole('button', { name: '按预购下单…' }));
    const form = screen.getByRole('form', { name: '立即下单' });
    fireEvent.change(within(form).getByLabelText('送货日期'), { target: { value: '2027-09-08' } });
    fireEvent.change(within(form).getByLabelText('付款方式'), { target: { value: 'alipay' } });
    fireEvent.change(within(form).getByLabelText('数量（可选）'), { target: { value: '60' } });
    await click(within(form).getByRole('button', { name: '下单（2027-09-08 送达）' }));
    await waitFor(() => expect(app.location()).toBe(`/orders/${ORDER_ID}`));
    expect(posted).toEqual([
      { path: `/api/commitments/${COMMITMENT_ID}/order`, body: { deliverySiteId: SCHOOL_SITES[0].id, deliveryDate: '2027-09-08', paymentMethod: 'alipay', quantity: 60 } },
    ]);
  });

  it('turns into an agreement proposal with the target price and goes to the agreement', async () => {
    const { api, posted } = schoolApi();
    const app = renderStorefront(`/commitments/${COMMITMENT_ID}`, api);
    await click(await screen.findByRole('button', { name: '填写协议条款…' }));
    const form = await screen.findByRole('form', { name: '转为采购协议' });
    expect((within(form).getByLabelText('单价（元）') as HTMLInputElement).value).toBe('36');
    expect((within(form).getByLabelText('开始日期') as HTMLInputElement).value).toBe('2027-09-01');
    fireEvent.change(within(form).getByLabelText('每次送货数量'), { target: { value: '10' } });
    await click(within(form).getByRole('button', { name: '提交协议提案' }));
    await waitFor(() => expect(app.location()).toBe(`/agreements/${AGREEMENT_ID}?proposed=1`));
    expect(posted[0]).toMatchObject({
      path: `/api/commitments/${COMMITMENT_ID}/agreement`,
      body: { skuId: POTATO_SKU_ID, quantity: 10, price: { kind: 'fixed', unitPriceFen: 3600 }, startDate: '2027-09-01', deliverySiteId: SCHOOL_SITES[0].id, paymentMethod: 'card' },
    });
  });

  it('lets an approver cancel or convert, but not order', async () => {
    const { api } = schoolApi({}, APPROVER_ONLY);
    renderStorefront(`/commitments/${COMMITMENT_ID}`, api);
    expect(await screen.findByRole('button', { name: '取消这次预购…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '填写协议条款…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '按预购下单…' })).toBeNull();
  });
});

import type { SessionView } from '@shanhai/contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, SCHOOL_SESSION } from '../testing/fixtures';
import { fakeApi, json, type Handler } from '../testing/fake-api';
import { ORDER_ID, orderSummary, orderView, purchasing } from '../testing/ordering-fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

const APPROVER_SESSION: SessionView = {
  token: 'shs_approver_token',
  expiresAt: '2099-12-31T00:00:00.000Z',
  user: {
    id: 'f3b0d1c2-7a44-4d0a-9e1b-2c3d4e5f6a7b',
    email: 'school-approver@demo.shanhai.cn',
    displayName: '东澜市第一中学 审批人',
    locale: 'zh-CN',
    memberships: [{ organisationId: BUYER_ORG_ID, organisationKind: 'buyer', organisationName: '东澜市第一中学', role: 'buyer_approver', divisionCode: null }],
  },
};

function approverApi(routes: Record<string, Handler> = {}) {
  rememberSession(APPROVER_SESSION.token);
  let pending = [orderSummary()];
  return fakeApi({
    'GET /api/auth/me': () => json(APPROVER_SESSION.user),
    [`GET /api/organisations/${BUYER_ORG_ID}/purchasing`]: () => json(purchasing({ approvalThresholdFen: 10_000 })),
    'GET /api/orders': (_request, url) =>
      json({ items: url.searchParams.get('status') === 'pending_approval' ? pending : [], total: url.searchParams.get('status') === 'pending_approval' ? pending.length : 0, page: 1, pageSize: 100 }),
    [`POST /api/orders/${ORDER_ID}/approval`]: async (request) => {
      const body = (await request.clone().json()) as { decision: string };
      pending = [];
      return json(orderView({ status: body.decision === 'approve' ? 'awaiting_payment' : 'cancelled', approvedByName: '东澜市第一中学 审批人' }));
    },
    ...routes,
  });
}

afterEach(() => localStorage.clear());

describe('the approver’s queue', () => {
  it('lists what waits, who placed it and for how much, and counts it in the header instead of a cart', async () => {
    renderStorefront('/approvals', approverApi());
    const card = await screen.findByRole('article', { name: '订单 SH-20261128-0001' });
    expect(within(card).getByText('东澜市第一中学 采购员')).toBeTruthy();
    expect(within(card).getByText('学生食堂 (东校区)')).toBeTruthy();
    expect(within(card).getByText('¥175.00')).toBeTruthy();
    expect(within(card).getByText('¥187.00')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '查看订单 SH-20261128-0001 的明细' }).getAttribute('href')).toBe(`/orders/${ORDER_ID}`);
    expect(screen.getByText('当前审批额度：货款超过 ¥100.00 的订单需审批。')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: '待审批，1 个订单' })).toBeTruthy());
    expect(screen.queryByTestId('cart-link')).toBeNull();
  });

  it('approves an order, says so where focus lands, and empties the queue', async () => {
    const api = approverApi();
    renderStorefront('/approvals', api);
    const approve = await screen.findByRole('button', { name: '批准订单 SH-20261128-0001' });
    await act(async () => {
      fireEvent.click(approve);
    });
    const outcome = await screen.findByTestId('approval-outcome');
    await waitFor(() => expect(outcome.textContent).toBe('订单 SH-20261128-0001 已批准。'));
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(await screen.findByText('没有等待审批的订单。')).toBeTruthy();
    const post = api.requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ decision: 'approve' });
  });

  it('rejects with a reason after asking once more, and gives focus back when the approver keeps the order', async () => {
    const api = approverApi();
    renderStorefront('/approvals', api);
    const reject = await screen.findByRole('button', { name: '驳回订单 SH-20261128-0001' });
    fireEvent.click(reject);
    const reason = await screen.findByLabelText('驳回理由（选填）');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.click(screen.getByRole('button', { name: '暂不驳回' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '驳回订单 SH-20261128-0001' })));
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '驳回订单 SH-20261128-0001' }));
    fireEvent.change(await screen.findByLabelText('驳回理由（选填）'), { target: { value: '超出本月预算' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认驳回' }));
    });
    await waitFor(() => expect(screen.getByTestId('approval-outcome').textContent).toBe('订单 SH-20261128-0001 已驳回并取消。'));
    const post = api.requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ decision: 'reject', note: '超出本月预算' });
  });

  it('lets the approver decide on the order page too', async () => {
    const api = approverApi({ [`GET /api/orders/${ORDER_ID}`]: () => json(orderView({ status: 'pending_approval' })) });
    renderStorefront(`/orders/${ORDER_ID}`, api);
    expect(await screen.findByText('本订单的货款超过审批额度，正在等待本单位审批人批准。')).toBeTruthy();
    // An approver cannot pay nor reorder: those buttons are the purchaser's.
    expect(screen.queryByRole('button', { name: '去付款' })).toBeNull();
    expect(screen.queryByTestId('reorder')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '批准订单 SH-20261128-0001' }));
    });
    await waitFor(() => expect(screen.getByTestId('order-status').textContent).toBe('待付款'));
  });

  it('tells a purchaser who is not an approver that the queue is not theirs', async () => {
    rememberSession(SCHOOL_SESSION.token);
    const api = fakeApi({ 'GET /api/auth/me': () => json(SCHOOL_SESSION.user) });
    renderStorefront('/approvals', api);
    expect(await screen.findByText('您不是本单位的审批人，无法审批订单。')).toBeTruthy();
    expect(screen.queryByTestId('approvals-link')).toBeNull();
  });
});

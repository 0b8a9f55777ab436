import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, POTATO_ID, productDetail, SCHOOL_SESSION, SCHOOL_SITES } from '../testing/fixtures';
import { apiError, fakeApi, json, type Handler } from '../testing/fake-api';
import { cartView, ORDER_ID, orderView, POTATO_SKU_ID, pricedCart, purchasing } from '../testing/ordering-fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

function buyerApi(routes: Record<string, Handler> = {}) {
  rememberSession(SCHOOL_SESSION.token);
  return fakeApi({
    'GET /api/auth/me': () => json(SCHOOL_SESSION.user),
    'GET /api/cart': (_request, url) => json(url.searchParams.get('deliverySiteId') ? pricedCart() : cartView()),
    [`GET /api/organisations/${BUYER_ORG_ID}/delivery-sites`]: () => json(SCHOOL_SITES),
    ...routes,
  });
}

afterEach(() => localStorage.clear());

describe('cart', () => {
  it('groups lines by cooperative with the server’s unit price, line total and the line’s problem', async () => {
    const cart = cartView();
    cart.groups[0].lines[0].problem = '库存不足，仅剩 3 箱';
    renderStorefront('/cart', buyerApi({ 'GET /api/cart': () => json(cart) }));

    const group = await screen.findByRole('region', { name: '青崖县石门马铃薯专业合作社 的商品' });
    expect(within(group).getByText('高山黄心土豆')).toBeTruthy();
    expect(within(group).getByText('¥35.00')).toBeTruthy();
    expect(within(group).getAllByText('¥175.00').length).toBeGreaterThan(0);
    expect(within(group).getByTestId('cart-line-problem').textContent).toBe('暂不能下单：库存不足，仅剩 3 箱');
    // A line that cannot be ordered keeps the buyer from checking out.
    expect(screen.queryByRole('link', { name: '去结算' })).toBeNull();
  });

  it('shows the API’s 400 reason beside the quantity it refused', async () => {
    const api = buyerApi({
      'PUT /api/cart/items': () => apiError(400, 'VALIDATION_FAILED', 'quantity must be a multiple of 5', [{ field: 'quantity', reason: '数量须为 5 的倍数' }]),
    });
    renderStorefront('/cart', api);
    const input = await screen.findByLabelText('高山黄心土豆 的数量（10公斤箱）');
    fireEvent.change(input, { target: { value: '7' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '更新' }));
    });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('数量须为 5 的倍数');
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({ organisationId: BUYER_ORG_ID, skuId: POTATO_SKU_ID, quantity: 7 });
  });

  it('removes a line and shows the count in the header', async () => {
    let cart = cartView();
    const api = buyerApi({
      'GET /api/cart': () => json(cart),
      [`DELETE /api/cart/items/${POTATO_SKU_ID}`]: () => {
        cart = cartView({ groups: [], produceFen: 0 });
        return json(cart);
      },
    });
    renderStorefront('/cart', api);
    await waitFor(() => expect(screen.getByTestId('cart-count').textContent).toBe('1'));
    expect(screen.getByRole('link', { name: '购物车，1 件商品' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '从购物车移除 高山黄心土豆' }));
    });
    expect(await screen.findByText('购物车是空的。')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('cart-count').textContent).toBe('0'));
  });

  it('asks an anonymous visitor to sign in', async () => {
    renderStorefront('/cart', fakeApi());
    expect(await screen.findByText('请先登录采购单位账户。')).toBeTruthy();
    expect(screen.queryByTestId('cart-link')).toBeNull();
  });
});

describe('add to cart on the product page', () => {
  it('starts at the minimum order and puts the SKU in the cart', async () => {
    const api = buyerApi({
      [`GET /api/catalog/products/${POTATO_ID}`]: () => json(productDetail()),
      'PUT /api/cart/items': () => json(cartView()),
    });
    renderStorefront(`/products/${POTATO_ID}`, api);
    const input = await screen.findByLabelText('数量（10公斤箱）');
    expect((input as HTMLInputElement).value).toBe('5');
    expect(input.getAttribute('step')).toBe('5');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加入购物车' }));
    });
    expect(await screen.findByText(/已加入购物车，现为 5 10公斤箱/)).toBeTruthy();
  });
});

describe('checkout', () => {
  it('shows each cooperative’s delivery fee apart from the produce', async () => {
    renderStorefront('/checkout', buyerApi());
    const fee = await screen.findByTestId('checkout-fee');
    expect(fee.textContent).toContain('青崖县石门马铃薯专业合作社 配送费');
    expect(fee.textContent).toContain('¥12.00');
    expect((screen.getByLabelText('送达日期') as HTMLInputElement).min).toBe('2026-12-01');
  });

  it('sends one Idempotency-Key per attempt, the same one on a retry', async () => {
    let calls = 0;
    const api = buyerApi({
      'POST /api/orders': () => (++calls === 1 ? apiError(503, 'UNAVAILABLE', 'try again') : json(orderView(), 201)),
      [`POST /api/orders/${ORDER_ID}/payment`]: () => apiError(409, 'PAYMENT_WINDOW_CLOSED', 'closed'),
    });
    renderStorefront('/checkout', api);
    await screen.findByTestId('checkout-fee');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    });
    expect(await screen.findByText('订单未能提交')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    });
    expect(await screen.findByText('订单已生成，但支付页面未能打开，请在订单页重试。')).toBeTruthy();
    const posts = api.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/orders');
    expect(posts).toHaveLength(2);
    const keys = posts.map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(await posts[0].json()).toMatchObject({ deliverySiteId: SCHOOL_SITES[0].id, deliveryDate: '2026-12-01', paymentMethod: 'card' });
    expect(api.requests.some((r) => new URL(r.url).pathname === `/api/orders/${ORDER_ID}/payment`)).toBe(true);
  });

  it('offers invoice only to an organisation approved for net terms, with its terms', async () => {
    renderStorefront('/checkout', buyerApi());
    await screen.findByTestId('checkout-fee');
    expect(screen.queryByLabelText(/^对公转账/)).toBeNull();
    expect(screen.getByText('对公转账（账期）需平台为贵单位开通，开通后可在此选择。')).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['card', 'wechat_pay', 'alipay']);
  });

  it('places an invoice order on approved terms and goes to the order, not to a payment page', async () => {
    const terms = purchasing({ netTermsDays: 30, invoiceAllowed: true });
    const api = buyerApi({
      'GET /api/cart': (_request, url) => json({ ...(url.searchParams.get('deliverySiteId') ? pricedCart() : cartView()), purchasing: terms }),
      'POST /api/orders': () => json(orderView({ status: 'open', paymentMethod: 'invoice' }), 201),
      [`GET /api/orders/${ORDER_ID}`]: () => json(orderView({ status: 'open', paymentMethod: 'invoice' })),
    });
    const app = renderStorefront('/checkout', api);
    await screen.findByTestId('checkout-fee');
    const invoice = screen.getByLabelText(/^对公转账（账期）/);
    expect(invoice.closest('label')?.textContent).toContain('账期 30 天');
    fireEvent.click(invoice);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    });
    await waitFor(() => expect(app.location()).toBe(`/orders/${ORDER_ID}`));
    const post = api.requests.find((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/orders');
    expect(await post?.json()).toMatchObject({ paymentMethod: 'invoice' });
    expect(api.requests.some((r) => new URL(r.url).pathname.endsWith('/payment'))).toBe(false);
  });

  it('shows the API’s refusal beside the payment method when the terms were withdrawn meanwhile', async () => {
    const terms = purchasing({ netTermsDays: 30, invoiceAllowed: true });
    const api = buyerApi({
      'GET /api/cart': (_request, url) => json({ ...(url.searchParams.get('deliverySiteId') ? pricedCart() : cartView()), purchasing: terms }),
      'POST /api/orders': () =>
        apiError(409, 'NET_TERMS_NOT_APPROVED', '贵单位尚未开通账期', [{ field: 'paymentMethod', reason: '贵单位尚未开通账期，请选择其他支付方式' }]),
    });
    renderStorefront('/checkout', api);
    await screen.findByTestId('checkout-fee');
    const before = await screen.findByLabelText('银行卡');
    fireEvent.click(screen.getByLabelText(/^对公转账/));
    expect((before as HTMLInputElement).checked).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    });
    expect(await screen.findByText('贵单位尚未开通账期，请选择其他支付方式')).toBeTruthy();
    expect(screen.getByLabelText(/^对公转账/).getAttribute('aria-invalid')).toBe('true');
  });

  it('says before the order is placed that it will wait for an approver', async () => {
    const api = buyerApi({
      'GET /api/cart': (_request, url) =>
        json({ ...(url.searchParams.get('deliverySiteId') ? pricedCart() : cartView()), purchasing: purchasing({ approvalThresholdFen: 10_000 }), needsApproval: true }),
    });
    renderStorefront('/checkout', api);
    expect((await screen.findByTestId('needs-approval')).textContent).toBe('本单货款超过贵单位的审批额度（¥100.00），提交后须经审批人批准才生效；库存先为您保留。');
  });
});

describe('orders', () => {
  it('lists the orders with their status and payment', async () => {
    const api = buyerApi({
      'GET /api/orders': () =>
        json({
          items: [{ id: ORDER_ID, number: 'SH-20261128-0001', status: 'open', paymentMethod: 'card', paymentStatus: 'paid', deliveryDate: '2026-12-01', totalFen: 18_700, supplierCount: 1, lineCount: 1, createdAt: '2026-11-28T10:00:00.000Z' }],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    });
    renderStorefront('/orders', api);
    const link = await screen.findByRole('link', { name: 'SH-20261128-0001' });
    expect(link.getAttribute('href')).toBe(`/orders/${ORDER_ID}`);
    expect(screen.getByText('已付款')).toBeTruthy();
    expect(screen.getByText('¥187.00')).toBeTruthy();
  });

  it('reads the order again after payment until the webhook has marked it paid', async () => {
    let reads = 0;
    const api = buyerApi({
      [`GET /api/orders/${ORDER_ID}`]: () => json(++reads < 2 ? orderView() : orderView({ status: 'open', paymentStatus: 'paid', paidAt: '2026-11-28T10:05:00.000Z' })),
    });
    renderStorefront(`/orders/${ORDER_ID}?payment=success`, api);
    expect(await screen.findByText('正在确认付款结果…')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('payment-status').textContent).toBe('已付款'), { timeout: 3000 });
    expect(screen.getByText('付款成功，订单已确认。')).toBeTruthy();
    const supplierOrder = screen.getByTestId('supplier-order');
    expect(within(supplierOrder).getByText('已发货')).toBeTruthy();
    expect(within(supplierOrder).getByText('SF1234567890')).toBeTruthy();
    expect(within(supplierOrder).getByText('POTATO-01-1-L1（2026-09-30 采收）× 5')).toBeTruthy();
  });
});

describe('receiving a shipped supplier order', () => {
  const SUPPLIER_ORDER_ID = '0b6f3f3c-2c55-4d1f-8f8e-64a7a0c1d2e3';
  const LINE_ID = '5a0e3c2b-1d4f-4e6a-8b9c-0d1e2f3a4b5c';

  function receivingApi(receiptAnswer: () => Response) {
    let order = orderView({ status: 'open', paymentStatus: 'paid' });
    const api = buyerApi({
      [`GET /api/orders/${ORDER_ID}`]: () => json(order),
      [`POST /api/supplier-orders/${SUPPLIER_ORDER_ID}/receipt`]: () => {
        const answer = receiptAnswer();
        if (answer.ok) {
          const so = order.supplierOrders[0];
          const lines = so.lines.map((l) => ({ ...l, receivedQuantity: 4, shortQuantity: 1 }));
          order = { ...order, supplierOrders: [{ ...so, status: 'received', receivedAt: '2026-12-01T01:00:00.000Z', lines }] };
        }
        return answer;
      },
      [`POST /api/supplier-orders/${SUPPLIER_ORDER_ID}/evaluation`]: () => {
        order = { ...order, supplierOrders: [{ ...order.supplierOrders[0], evaluationRating: 4 }] };
        return json({}, 201);
      },
    });
    return api;
  }

  it('records good, short and damaged units per line, then takes a rating', async () => {
    const api = receivingApi(() => json({}, 201));
    renderStorefront(`/orders/${ORDER_ID}`, api);
    const line = await screen.findByTestId('receipt-line');
    fireEvent.change(within(line).getByLabelText('完好'), { target: { value: '4' } });
    fireEvent.change(within(line).getByLabelText('短少'), { target: { value: '1' } });
    fireEvent.change(within(line).getByLabelText('情况说明（选填）'), { target: { value: '少一箱' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认收货' }));
    });
    const post = api.requests.find((r) => r.url.endsWith('/receipt'));
    expect(await post?.json()).toEqual({ lines: [{ lineId: LINE_ID, acceptedQuantity: 4, shortQuantity: 1, damagedQuantity: 0, note: '少一箱' }] });

    expect(await screen.findByText('完好 4，短少 1，破损 0', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('4 星'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    });
    expect((await screen.findByTestId('evaluation')).textContent).toBe('您的评价：4 星');
    const evaluation = api.requests.find((r) => r.url.endsWith('/evaluation'));
    expect(await evaluation?.json()).toEqual({ rating: 4 });
  });

  it('shows the API’s reason beside the count it refused', async () => {
    const api = receivingApi(() =>
      apiError(400, 'VALIDATION_FAILED', 'lines[0]: quantities must add up to 5', [{ field: 'lines[0].acceptedQuantity', reason: '完好、短少、破损之和须等于 5' }]),
    );
    renderStorefront(`/orders/${ORDER_ID}`, api);
    const line = await screen.findByTestId('receipt-line');
    fireEvent.change(within(line).getByLabelText('完好'), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认收货' }));
    });
    const accepted = within(line).getByLabelText('完好');
    await waitFor(() => expect(accepted.getAttribute('aria-invalid')).toBe('true'));
    expect(within(line).getByText('完好、短少、破损之和须等于 5')).toBeTruthy();
  });
});

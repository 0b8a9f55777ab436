import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, SCHOOL_SESSION } from '../testing/fixtures';
import { apiError, fakeApi, json, type Handler } from '../testing/fake-api';
import { cartView, ORDER_ID, orderView, quickOrderReport } from '../testing/ordering-fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

function buyerApi(routes: Record<string, Handler> = {}) {
  rememberSession(SCHOOL_SESSION.token);
  return fakeApi({
    'GET /api/auth/me': () => json(SCHOOL_SESSION.user),
    'GET /api/cart': () => json(cartView({ groups: [], produceFen: 0 })),
    ...routes,
  });
}

afterEach(() => localStorage.clear());

describe('quick order by pasting', () => {
  it('sends the pasted lines, shows the report line by line and keeps only the refused lines to correct', async () => {
    let cart = cartView({ groups: [], produceFen: 0 });
    const api = buyerApi({
      'GET /api/cart': () => json(cart),
      'POST /api/cart/quick-order': () => {
        cart = cartView();
        return json(quickOrderReport({ cart }));
      },
    });
    renderStorefront('/cart', api);
    const area = await screen.findByLabelText('SKU 编号和数量');
    fireEvent.change(area, { target: { value: 'SKU,数量\nPOTATO-01-1,5\nNOPE-1,3' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加入购物车' }));
    });

    const report = await screen.findByTestId('cart-report');
    expect(within(report).getByRole('heading', { name: '粘贴结果：1 行已加入，1 行未加入' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('cart-report-title'));
    const lines = within(report).getAllByTestId('cart-report-line');
    expect(lines.map((l) => l.textContent)).toEqual(['1POTATO-01-15已加入', '2NOPE-13未加入：unknown SKU']);
    expect(await api.requests.find((r) => r.method === 'POST')?.json()).toEqual({ organisationId: BUYER_ORG_ID, csv: 'SKU,数量\nPOTATO-01-1,5\nNOPE-1,3' });
    // The added line is in the cart now; pasting the text again must not add it twice.
    expect((screen.getByLabelText('SKU 编号和数量') as HTMLTextAreaElement).value).toBe('NOPE-1,3');
    expect(await screen.findByTestId('cart-line')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('cart-count').textContent).toBe('1'));

    fireEvent.click(within(report).getByRole('button', { name: '关闭结果' }));
    expect(screen.queryByTestId('cart-report')).toBeNull();
  });

  it('asks for a line before sending anything, and shows the API’s reason beside the field', async () => {
    const api = buyerApi({ 'POST /api/cart/quick-order': () => apiError(400, 'VALIDATION_FAILED', 'csv: no lines', [{ field: 'csv', reason: 'no lines: give one "SKU code,quantity" per line' }]) });
    renderStorefront('/cart', api);
    const area = await screen.findByLabelText('SKU 编号和数量');
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }));
    expect(await screen.findByText('请先粘贴至少一行。')).toBeTruthy();
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(area, { target: { value: ',' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加入购物车' }));
    });
    expect(await screen.findByText('no lines: give one "SKU code,quantity" per line')).toBeTruthy();
  });
});

describe('reorder', () => {
  it('puts a past order’s lines back in the cart and shows what was and was not added', async () => {
    let cart = cartView({ groups: [], produceFen: 0 });
    const api = buyerApi({
      'GET /api/cart': () => json(cart),
      [`GET /api/orders/${ORDER_ID}`]: () => json(orderView({ status: 'completed', paymentStatus: 'paid' })),
      [`POST /api/orders/${ORDER_ID}/reorder`]: () => {
        cart = cartView();
        return json(quickOrderReport({ added: 1, refused: 0, lines: [{ row: 1, skuCode: 'POTATO-01-1', quantity: 5, status: 'added', reason: null }], cart }));
      },
    });
    const app = renderStorefront(`/orders/${ORDER_ID}`, api);
    const reorder = await screen.findByRole('button', { name: '再来一单：把订单 SH-20261128-0001 的商品按今日价格加入购物车' }, { timeout: 3000 });
    await act(async () => {
      fireEvent.click(reorder);
    });
    await waitFor(() => expect(app.location()).toBe('/cart'));
    expect(await screen.findByRole('heading', { name: '再来一单（订单 SH-20261128-0001）：1 行已加入，0 行未加入' })).toBeTruthy();
    // The cart is a new page: focus goes to the report, not to the top of <main>.
    await waitFor(() => expect(document.activeElement?.id).toBe('cart-report-title'));
    expect(screen.getByTestId('cart-line')).toBeTruthy();
  });

  it('says so beside the button when the cart could not take the lines', async () => {
    const api = buyerApi({
      [`GET /api/orders/${ORDER_ID}`]: () => json(orderView({ status: 'completed', paymentStatus: 'paid' })),
      [`POST /api/orders/${ORDER_ID}/reorder`]: () => apiError(400, 'VALIDATION_FAILED', 'a cart holds at most 5000 lines'),
    });
    renderStorefront(`/orders/${ORDER_ID}`, api);
    const reorder = await screen.findByTestId('reorder', {}, { timeout: 3000 });
    await act(async () => {
      fireEvent.click(reorder);
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('未能加入购物车');
    expect(alert.textContent).toContain('a cart holds at most 5000 lines');
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHOOL_SESSION } from '../testing/fixtures';
import { fakeApi, json, type Handler } from '../testing/fake-api';
import { INVOICE_ID, LINE_ID, ORDER_ID, orderView, SUPPLIER_ORDER_ID } from '../testing/ordering-fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function buyerApi(routes: Record<string, Handler> = {}) {
  rememberSession(SCHOOL_SESSION.token);
  return fakeApi({ 'GET /api/auth/me': () => json(SCHOOL_SESSION.user), ...routes });
}

function receivedOrder() {
  const order = orderView({ status: 'open', paymentStatus: 'partially_refunded', refundedFen: 3_500 });
  const so = order.supplierOrders[0];
  const line = { ...so.lines[0], receivedQuantity: 4, shortQuantity: 1, refundedFen: 3_500, receiptNote: '少一箱', receiptPhotoUrl: `/api/order-lines/${LINE_ID}/receipt-photo` };
  return {
    ...order,
    supplierOrders: [{ ...so, status: 'received', receivedAt: '2026-12-01T01:00:00.000Z', evaluationRating: 5, lines: [line] }],
    claims: [
      { id: 'c1', supplierOrderId: SUPPLIER_ORDER_ID, orderLineId: LINE_ID, reason: 'short' as const, quantity: 1, amountFen: 3_500, status: 'refunded', note: '少一箱', createdAt: '2026-12-01T01:00:00.000Z', settledAt: '2026-12-01T01:01:00.000Z' },
      { id: 'c2', supplierOrderId: SUPPLIER_ORDER_ID, orderLineId: null, reason: 'delivery_fee' as const, quantity: 0, amountFen: 1_200, status: 'open', note: null, createdAt: '2026-12-01T01:00:00.000Z', settledAt: null },
    ],
    refunds: [{ id: 'r1', claimId: 'c1', amountFen: 3_500, status: 'succeeded', reason: 'claim', createdAt: '2026-12-01T01:00:30.000Z', settledAt: '2026-12-01T01:01:00.000Z' }],
  };
}

beforeEach(() => {
  // jsdom has no object URLs; the photo is shown from one.
  URL.createObjectURL = vi.fn(() => 'blob:receipt-photo');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => localStorage.clear());

describe('refunds and credit notes on the order', () => {
  it('lists each claim with what it was for and how it was settled, and the refund that settled it', async () => {
    const api = buyerApi({
      [`GET /api/orders/${ORDER_ID}`]: () => json(receivedOrder()),
      [`GET /api/order-lines/${LINE_ID}/receipt-photo`]: () => new Response(PNG, { headers: { 'Content-Type': 'image/png' } }),
    });
    renderStorefront(`/orders/${ORDER_ID}`, api);
    const section = await screen.findByRole('region', { name: '退款与红字发票' });
    const claims = within(section).getAllByTestId('claim');
    expect(claims[0].textContent).toContain('高山黄心土豆');
    expect(claims[0].textContent).toContain('说明：少一箱');
    expect(claims[0].textContent).toContain('短少');
    expect(claims[0].textContent).toContain('1 × 10公斤箱');
    expect(claims[0].textContent).toContain('¥35.00');
    expect(claims[0].textContent).toContain('已退款');
    expect(claims[1].textContent).toContain('青崖县石门马铃薯专业合作社 配送费');
    expect(claims[1].textContent).toContain('处理中');
    expect(within(section).getByTestId('refund').textContent).toContain('索赔退款');
    // The totals show what came back.
    expect(screen.getByText('已退款', { selector: '.cart-summary__row span' })).toBeTruthy();
    // The receipt as recorded, with its note and photo.
    expect(await screen.findByText('说明：少一箱', { selector: '.receipt__summary-note' })).toBeTruthy();
    const photo = await screen.findByRole('img', { name: '高山黄心土豆 的到货照片' });
    expect(photo.getAttribute('src')).toBe('blob:receipt-photo');
  });

  it('shows an invoice order’s invoice and credit notes, with names in English in English', async () => {
    const order = {
      ...receivedOrder(),
      paymentMethod: 'invoice',
      paymentStatus: 'unpaid',
      refundedFen: 0,
      creditedFen: 3_500,
      refunds: [],
      claims: [{ ...receivedOrder().claims[0], status: 'credited' }],
      creditNotes: [{ id: 'n1', invoiceId: INVOICE_ID, claimId: 'c1', amountFen: 3_500, reason: 'short: 少一箱', createdAt: '2026-12-01T02:00:00.000Z' }],
      invoice: { id: INVOICE_ID, status: 'open', number: 'INV-0042', amountFen: 18_700, creditedFen: 3_500, amountDueFen: 15_200, dueDate: '2026-12-28' },
    };
    const api = buyerApi({
      [`GET /api/orders/${ORDER_ID}`]: () => json(order),
      [`GET /api/order-lines/${LINE_ID}/receipt-photo`]: () => new Response(PNG, { headers: { 'Content-Type': 'image/png' } }),
    });
    renderStorefront(`/orders/${ORDER_ID}`, api, { language: 'en' });
    const invoice = await screen.findByTestId('order-invoice');
    expect(invoice.textContent).toBe('INV-0042');
    expect(invoice.getAttribute('href')).toBe(`/invoices/${INVOICE_ID}`);
    const section = screen.getByRole('region', { name: 'Refunds and credit notes' });
    expect(within(section).getByTestId('claim').textContent).toContain('Credit note issued');
    expect(within(section).getByTestId('credit-note').textContent).toContain('Short — 少一箱');
    // English names of the cooperative and the packing unit.
    expect(screen.getByRole('heading', { name: /Qingya Shimen Potato Cooperative/ })).toBeTruthy();
    expect(screen.getAllByText('5 × 10 kg case').length).toBeGreaterThan(0);
  });

  it('shows nothing of the kind on an order with no claims', async () => {
    renderStorefront(`/orders/${ORDER_ID}`, buyerApi({ [`GET /api/orders/${ORDER_ID}`]: () => json(orderView()) }));
    await screen.findByTestId('order-status');
    expect(screen.queryByTestId('money-back')).toBeNull();
  });
});

describe('a photo of what arrived', () => {
  it('uploads the chosen photo as its bytes while receiving, then shows it', async () => {
    let order = orderView({ status: 'open', paymentStatus: 'paid' });
    const api = buyerApi({
      [`GET /api/orders/${ORDER_ID}`]: () => json(order),
      [`POST /api/order-lines/${LINE_ID}/receipt-photo`]: () => {
        const so = order.supplierOrders[0];
        order = { ...order, supplierOrders: [{ ...so, lines: [{ ...so.lines[0], receiptPhotoUrl: `/api/order-lines/${LINE_ID}/receipt-photo` }] }] };
        return json({ orderLineId: LINE_ID, url: `/api/order-lines/${LINE_ID}/receipt-photo`, contentType: 'image/png' }, 201);
      },
      [`GET /api/order-lines/${LINE_ID}/receipt-photo`]: () => new Response(PNG, { headers: { 'Content-Type': 'image/png' } }),
    });
    renderStorefront(`/orders/${ORDER_ID}`, api);
    const line = await screen.findByTestId('receipt-line');
    const input = within(line).getByLabelText('到货照片（选填）');
    expect(input.getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    // A Blob of the fetch implementation's own kind: jsdom's File is not one that Request can send.
    const photo = await new Response(PNG, { headers: { 'Content-Type': 'image/png' } }).blob();
    await act(async () => {
      fireEvent.change(input, { target: { files: [photo] } });
    });
    expect(await within(line).findByText('照片已上传。')).toBeTruthy();
    const post = api.requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await post!.arrayBuffer())).toEqual(PNG);
    expect(await within(line).findByRole('img', { name: '高山黄心土豆 的到货照片' })).toBeTruthy();
  });

  it('refuses a photo over 5 MB before sending it', async () => {
    const api = buyerApi({ [`GET /api/orders/${ORDER_ID}`]: () => json(orderView({ status: 'open', paymentStatus: 'paid' })) });
    renderStorefront(`/orders/${ORDER_ID}`, api);
    const line = await screen.findByTestId('receipt-line');
    const input = within(line).getByLabelText('到货照片（选填）');
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' });
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(line).getByText('照片超过 5 MB，请压缩后再上传。')).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

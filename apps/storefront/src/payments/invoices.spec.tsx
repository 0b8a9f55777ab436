import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, SCHOOL_SESSION } from '../testing/fixtures';
import { apiError, fakeApi, json, type Handler } from '../testing/fake-api';
import { INVOICE_ID, invoiceView, ORDER_ID, purchasing } from '../testing/ordering-fixtures';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

function canteenApi(routes: Record<string, Handler> = {}) {
  rememberSession(SCHOOL_SESSION.token);
  return fakeApi({
    'GET /api/auth/me': () => json(SCHOOL_SESSION.user),
    [`GET /api/organisations/${BUYER_ORG_ID}/purchasing`]: () => json(purchasing({ netTermsDays: 30, invoiceAllowed: true })),
    ...routes,
  });
}

afterEach(() => localStorage.clear());

describe('invoices', () => {
  it('lists the organisation’s invoices with what is still due, and links them from the header', async () => {
    const api = canteenApi({
      'GET /api/invoices': () =>
        json({
          items: [invoiceView(), invoiceView({ id: 'e0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e', number: null, status: 'draft', creditedFen: 0, amountDueFen: 18_700, issuedAt: null, dueDate: null, creditNotes: [] }), invoiceView({ id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', number: 'INV-0007', overdue: true, daysOverdue: 3 })],
          total: 3,
          page: 1,
          pageSize: 20,
        }),
    });
    renderStorefront('/invoices', api);
    const table = await screen.findByRole('table', { name: '发票列表' });
    const rows = within(table).getAllByTestId('invoice-row');
    expect(within(rows[0]).getByRole('link', { name: 'INV-0042' }).getAttribute('href')).toBe(`/invoices/${INVOICE_ID}`);
    expect(within(rows[0]).getByRole('link', { name: 'SH-20261128-0001' }).getAttribute('href')).toBe(`/orders/${ORDER_ID}`);
    expect(rows[0].textContent).toContain('待付款');
    expect(rows[0].textContent).toContain('¥152.00');
    expect(rows[0].textContent).toContain('-¥35.00');
    expect(rows[1].textContent).toContain('待开具');
    expect(rows[2].textContent).toContain('已逾期 3 天');
    expect(await screen.findByRole('link', { name: '发票' })).toBeTruthy();
    expect(api.queriesTo('/api/invoices')[0].get('organisationId')).toBe(BUYER_ORG_ID);
  });

  it('shows one invoice with its credit notes, what is due and the document at Stripe', async () => {
    renderStorefront(`/invoices/${INVOICE_ID}`, canteenApi({ [`GET /api/invoices/${INVOICE_ID}`]: () => json(invoiceView()) }));
    expect(await screen.findByRole('heading', { level: 1, name: '发票 INV-0042' })).toBeTruthy();
    expect(screen.getByTestId('invoice-status').textContent).toBe('待付款');
    expect(screen.getByRole('link', { name: 'SH-20261128-0001' }).getAttribute('href')).toBe(`/orders/${ORDER_ID}`);
    const note = screen.getByTestId('credit-note');
    expect(note.textContent).toContain('短少 — 少一箱');
    expect(note.textContent).toContain('-¥35.00');
    const totals = screen.getByRole('region', { name: '金额' });
    expect(totals.textContent).toContain('¥152.00');
    const document = screen.getByRole('link', { name: /查看发票原件/ });
    expect(document.getAttribute('href')).toBe('http://stripe.test/invoice/in_1');
    expect(document.getAttribute('target')).toBe('_blank');
  });

  it('says an invoice of another organisation does not exist', async () => {
    renderStorefront(`/invoices/${INVOICE_ID}`, canteenApi({ [`GET /api/invoices/${INVOICE_ID}`]: () => apiError(404, 'NOT_FOUND', 'invoice not found') }));
    expect(await screen.findByRole('heading', { level: 1, name: '发票不存在，或不属于您的单位。' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '全部发票' }).getAttribute('href')).toBe('/invoices');
  });

  it('says there are none yet, in English too', async () => {
    renderStorefront('/invoices', canteenApi({ 'GET /api/invoices': () => json({ items: [], total: 0, page: 1, pageSize: 20 }) }), { language: 'en' });
    expect(await screen.findByText('No invoices yet. Orders paid by invoice on net terms are invoiced.')).toBeTruthy();
  });
});

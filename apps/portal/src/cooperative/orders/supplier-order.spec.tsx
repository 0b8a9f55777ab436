import type { SupplierOrderDetailView } from '@shanhai/contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COOP_ID, PRODUCT_ID, SKU_ID } from '../../testing/fixtures';
import { apiError, json } from '../../testing/fake-api';
import { cooperativeApi } from '../../testing/portal-api';
import { rememberSession, renderPortal } from '../../testing/render-portal';

const SO_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const line = (id: string, quantity: number) => ({
  id,
  lineNo: 1,
  skuId: SKU_ID,
  skuCode: 'POTATO-01-1',
  productId: PRODUCT_ID,
  productNameZh: '高山黄心土豆',
  productNameEn: 'Highland yellow potatoes',
  packingUnitZh: '10公斤箱',
  packingUnitEn: '10 kg case',
  quantity,
  unitPriceFen: 4500,
  lineFen: 4500 * quantity,
  status: 'pending' as const,
  receivedQuantity: 0,
  shortQuantity: 0,
  damagedQuantity: 0,
  refundedFen: 0,
  creditedFen: 0,
  lots: [{ lotId: 'lot-1', lotCode: 'POTATO-01-1-L1', harvestDate: '2026-08-01', quantity }],
  receiptNote: null,
  receiptPhotoUrl: null,
  receivedAt: null,
});

// Built by functions (not literals in place) so that fields the contract adds or drops later do not break the fixture.
const claim = () => ({
  id: 'c1',
  supplierOrderId: SO_ID,
  orderLineId: 'line-1',
  reason: 'short' as const,
  quantity: 1,
  amountFen: 4500,
  status: 'credited',
  note: '少到一箱',
  createdAt: '2026-09-05T01:00:00.000Z',
  settledAt: null,
});

// Asserted rather than annotated: the contract is growing (other fields may arrive) and these tests read only these.
const ORDER = {
  id: SO_ID,
  buyerOrderId: 'bo-1',
  supplierId: COOP_ID,
  supplierName: '青崖县高山马铃薯专业合作社',
  supplierNameEn: 'Qingya Highland Potato Cooperative',
  status: 'placed',
  produceFen: 4500 * 6,
  deliveryFeeFen: 5000,
  distanceBand: 'far',
  weightG: 60000,
  carrier: null,
  trackingNo: null,
  shippedOn: null,
  receivedAt: null,
  evaluationRating: null,
  evaluationComment: null,
  buyerOrderNumber: 'SH-20260901-0001',
  buyerOrderStatus: 'open',
  buyerOrganisationId: 'buyer-1',
  buyerOrganisationName: '东澜市机关事务管理局',
  paymentMethod: 'invoice',
  paymentStatus: 'unpaid',
  deliverySite: { id: 'site-1', name: '市民中心食堂', address: '东澜市澜湾区市民中心 B 座', countyCode: '339801', receivingHours: '06:30-09:00' },
  deliveryDate: '2026-09-05',
  placedAt: '2026-09-01T02:00:00.000Z',
  evaluatedAt: null,
  completedAt: null,
  lines: [line('line-1', 4), line('line-2', 2)],
  claims: [],
} as SupplierOrderDetailView;

describe('supplier order', () => {
  it('decides every line at once, with the reason for a rejected one', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`GET /api/supplier-orders/${SO_ID}`]: () => json(ORDER),
      [`POST /api/supplier-orders/${SO_ID}/decisions`]: () => json({ ...ORDER, status: 'accepted', lines: [{ ...ORDER.lines[0], status: 'accepted' }, { ...ORDER.lines[1], status: 'rejected' }] }),
    });
    renderPortal(`/orders/${SO_ID}`, api);
    const form = await screen.findByTestId('decision-form');
    const second = within(form).getAllByTestId('decision-line')[1];
    fireEvent.click(within(second).getByLabelText('拒绝'));
    fireEvent.change(within(second).getByLabelText('拒绝原因（选填，采购单位可见）'), { target: { value: '该批次已售完' } });
    expect(within(form).getByRole('note').textContent).toBe('将拒绝 1 行。');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '提交确认' }));
    });
    await waitFor(() => expect(screen.getByTestId('supplier-order-status').textContent).toBe('已接单'));
    const post = api.requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ lines: [{ lineId: 'line-1', decision: 'accept' }, { lineId: 'line-2', decision: 'reject', note: '该批次已售完' }] });
    expect(await screen.findByTestId('shipment-form')).toBeTruthy();
  });

  it('asks for carrier and tracking number before shipping, and shows the API’s reason for the day', async () => {
    rememberSession();
    const accepted = { ...ORDER, status: 'accepted', lines: ORDER.lines.map((l) => ({ ...l, status: 'accepted' as const })) };
    const api = cooperativeApi({
      [`GET /api/supplier-orders/${SO_ID}`]: () => json(accepted),
      [`POST /api/supplier-orders/${SO_ID}/shipment`]: () => apiError(400, 'VALIDATION_FAILED', 'shippedOn: must not be before the order was placed', [{ field: 'shippedOn', reason: 'must not be before the order was placed' }]),
    });
    renderPortal(`/orders/${SO_ID}`, api);
    const form = await screen.findByTestId('shipment-form');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '确认发货' }));
    });
    expect(within(form).getByLabelText('承运商').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('运单号').getAttribute('aria-invalid')).toBe('true');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('承运商'), { target: { value: '顺丰速运' } });
    fireEvent.change(within(form).getByLabelText('运单号'), { target: { value: ' SF100 ' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '确认发货' }));
    });
    const shippedOn = within(form).getByLabelText('发货日期');
    await waitFor(() => expect(shippedOn.getAttribute('aria-invalid')).toBe('true'));
    const body = (await api.requests.find((r) => r.method === 'POST')?.json()) as Record<string, string>;
    expect(body.carrier).toBe('顺丰速运');
    expect(body.trackingNo).toBe('SF100');
    expect(body.shippedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows what the buyer received, the claims and the rating', async () => {
    rememberSession();
    const received = {
      ...ORDER,
      status: 'received',
      carrier: '顺丰速运',
      trackingNo: 'SF100',
      shippedOn: '2026-09-02',
      receivedAt: '2026-09-05T01:00:00.000Z',
      evaluationRating: 4,
      evaluationComment: '品相好',
      lines: [{ ...ORDER.lines[0], status: 'accepted', receivedQuantity: 3, shortQuantity: 1, receiptNote: '少到一箱' }],
      claims: [claim()],
    } as SupplierOrderDetailView;
    renderPortal(`/orders/${SO_ID}`, cooperativeApi({ [`GET /api/supplier-orders/${SO_ID}`]: () => json(received) }));
    expect((await screen.findByTestId('line-receipt')).textContent).toContain('完好 3，短少 1，破损 0');
    expect(within(screen.getByTestId('claims')).getByText('短少')).toBeTruthy();
    expect(within(screen.getByTestId('claims')).getByText('已开红字')).toBeTruthy();
    expect(screen.getByTestId('evaluation').textContent).toContain('4 星 · 品相好');
    expect(within(screen.getByTestId('shipment')).getByText('SF100')).toBeTruthy();
  });
});

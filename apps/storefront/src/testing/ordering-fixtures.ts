import type { BuyerOrderSummary, BuyerOrderView, CartView, InvoiceView, PurchasingSettingsView, QuickOrderReport } from '@shanhai/contract';
import { BUYER_ORG_ID, POTATO_ID, SCHOOL_SITES, SUPPLIER_ID } from './fixtures';

export const POTATO_SKU_ID = '2e864f74-4f48-406f-b9dc-baece690792d';
export const ORDER_ID = '7f1c2a8e-0d4b-4c1e-9f55-3b7f0e2d9a10';

export const SUPPLIER_ORDER_ID = '0b6f3f3c-2c55-4d1f-8f8e-64a7a0c1d2e3';
export const LINE_ID = '5a0e3c2b-1d4f-4e6a-8b9c-0d1e2f3a4b5c';
export const INVOICE_ID = 'b7d0e0a4-9a51-4f63-8d0b-6e2f4c1a9b77';

/** A school without net terms or approval step, as the demo seeds it. */
export function purchasing(overrides: Partial<PurchasingSettingsView> = {}): PurchasingSettingsView {
  return { organisationId: BUYER_ORG_ID, approvalThresholdFen: null, netTermsDays: null, invoiceAllowed: false, ...overrides };
}

export function cartView(overrides: Partial<CartView> = {}): CartView {
  return {
    organisationId: BUYER_ORG_ID,
    purchasing: purchasing(),
    needsApproval: false,
    groups: [
      {
        supplierId: SUPPLIER_ID,
        supplierName: '青崖县石门马铃薯专业合作社',
        supplierNameEn: 'Qingya Shimen Potato Cooperative',
        produceFen: 17_500,
        weightG: 50_000,
        deliveryFeeFen: null,
        lines: [
          {
            skuId: POTATO_SKU_ID,
            skuCode: 'POTATO-01-1',
            productId: POTATO_ID,
            productNameZh: '高山黄心土豆',
            productNameEn: 'Highland yellow potatoes',
            packingUnitZh: '10公斤箱',
            packingUnitEn: '10 kg case',
            quantity: 5,
            unitPriceFen: 3500,
            lineFen: 17_500,
            stockUnits: 340,
            minOrderQuantity: 5,
            orderMultiple: 5,
            leadTimeDays: 2,
            problem: null,
          },
        ],
      },
    ],
    produceFen: 17_500,
    deliveryFeeFen: null,
    totalFen: null,
    currency: 'CNY',
    earliestDeliveryDate: '2026-12-01',
    ...overrides,
  };
}

/** The cart priced for a delivery site: each cooperative's fee filled in. */
export function pricedCart(feeFen = 1200): CartView {
  const cart = cartView();
  return { ...cart, groups: cart.groups.map((g) => ({ ...g, deliveryFeeFen: feeFen })), deliveryFeeFen: feeFen, totalFen: cart.produceFen + feeFen };
}

export function orderView(overrides: Partial<BuyerOrderView> = {}): BuyerOrderView {
  const site = SCHOOL_SITES[0];
  return {
    id: ORDER_ID,
    number: 'SH-20261128-0001',
    organisationId: BUYER_ORG_ID,
    organisationName: '东澜市第一中学',
    status: 'awaiting_payment',
    paymentMethod: 'card',
    paymentStatus: 'unpaid',
    deliverySite: { id: site.id, name: site.name, address: site.address, countyCode: site.countyCode },
    deliveryDate: '2026-12-01',
    produceFen: 17_500,
    deliveryFeeFen: 1200,
    totalFen: 18_700,
    refundedFen: 0,
    creditedFen: 0,
    currency: 'CNY',
    note: null,
    placedBy: '86aa2488-631b-4cb8-b1d3-246f828b6e4c',
    approvedBy: null,
    paymentDueAt: '2026-11-28T12:00:00.000Z',
    createdAt: '2026-11-28T10:00:00.000Z',
    paidAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    placedByName: '东澜市第一中学 采购员',
    approvedByName: null,
    approvedAt: null,
    claims: [],
    refunds: [],
    creditNotes: [],
    invoice: null,
    supplierOrders: [
      {
        id: SUPPLIER_ORDER_ID,
        buyerOrderId: ORDER_ID,
        supplierId: SUPPLIER_ID,
        supplierName: '青崖县石门马铃薯专业合作社',
        supplierNameEn: 'Qingya Shimen Potato Cooperative',
        status: 'shipped',
        produceFen: 17_500,
        deliveryFeeFen: 1200,
        distanceBand: 'far',
        weightG: 50_000,
        carrier: '顺丰速运',
        trackingNo: 'SF1234567890',
        shippedOn: '2026-11-29',
        receivedAt: null,
        evaluationRating: null,
        evaluationComment: null,
        lines: [
          {
            id: LINE_ID,
            lineNo: 1,
            skuId: POTATO_SKU_ID,
            skuCode: 'POTATO-01-1',
            productId: POTATO_ID,
            productNameZh: '高山黄心土豆',
            productNameEn: 'Highland yellow potatoes',
            packingUnitZh: '10公斤箱',
            packingUnitEn: '10 kg case',
            quantity: 5,
            unitPriceFen: 3500,
            lineFen: 17_500,
            status: 'accepted',
            receivedQuantity: 0,
            shortQuantity: 0,
            damagedQuantity: 0,
            refundedFen: 0,
            creditedFen: 0,
            lots: [{ lotId: 'cd357dcc-c73f-4a95-be18-91dd7f2112dd', lotCode: 'POTATO-01-1-L1', harvestDate: '2026-09-30', quantity: 5 }],
            receiptNote: null,
            receiptPhotoUrl: null,
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** The order as the order list (and the approver's queue) shows it. */
export function orderSummary(overrides: Partial<BuyerOrderSummary> = {}): BuyerOrderSummary {
  return {
    id: ORDER_ID,
    number: 'SH-20261128-0001',
    status: 'pending_approval',
    paymentMethod: 'card',
    paymentStatus: 'unpaid',
    deliveryDate: '2026-12-01',
    totalFen: 18_700,
    produceFen: 17_500,
    supplierCount: 1,
    lineCount: 1,
    createdAt: '2026-11-28T10:00:00.000Z',
    placedByName: '东澜市第一中学 采购员',
    deliverySiteName: '学生食堂 (东校区)',
    paymentDueAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

export function quickOrderReport(overrides: Partial<QuickOrderReport> = {}): QuickOrderReport {
  return {
    added: 1,
    refused: 1,
    lines: [
      { row: 1, skuCode: 'POTATO-01-1', quantity: 5, status: 'added', reason: null },
      { row: 2, skuCode: 'NOPE-1', quantity: 3, status: 'refused', reason: 'unknown SKU' },
    ],
    cart: cartView(),
    ...overrides,
  };
}

export function invoiceView(overrides: Partial<InvoiceView> = {}): InvoiceView {
  return {
    id: INVOICE_ID,
    buyerOrderId: ORDER_ID,
    orderNumber: 'SH-20261128-0001',
    organisationId: BUYER_ORG_ID,
    organisationName: '东澜市机关事务管理局',
    status: 'open',
    number: 'INV-0042',
    amountFen: 18_700,
    creditedFen: 3_500,
    amountDueFen: 15_200,
    currency: 'CNY',
    issuedAt: '2026-11-28T10:05:00.000Z',
    dueDate: '2026-12-28',
    overdue: false,
    daysOverdue: 0,
    hostedInvoiceUrl: 'http://stripe.test/invoice/in_1',
    paidAt: null,
    transferReference: null,
    transferDate: null,
    voidedAt: null,
    voidReason: null,
    creditNotes: [{ id: 'c2a7f1d0-0b1e-4a55-9d43-6f0c6b3e2a11', claimId: '3e1c9b7a-5d2f-4c8e-a1b0-9f8e7d6c5b4a', amountFen: 3_500, reason: 'short: 少一箱', createdAt: '2026-12-01T02:00:00.000Z' }],
    createdAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

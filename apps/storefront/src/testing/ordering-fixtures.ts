import type { BuyerOrderView, CartView } from '@shanhai/contract';
import { BUYER_ORG_ID, POTATO_ID, SCHOOL_SITES, SUPPLIER_ID } from './fixtures';

export const POTATO_SKU_ID = '2e864f74-4f48-406f-b9dc-baece690792d';
export const ORDER_ID = '7f1c2a8e-0d4b-4c1e-9f55-3b7f0e2d9a10';

export function cartView(overrides: Partial<CartView> = {}): CartView {
  return {
    organisationId: BUYER_ORG_ID,
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
    supplierOrders: [
      {
        id: '0b6f3f3c-2c55-4d1f-8f8e-64a7a0c1d2e3',
        buyerOrderId: ORDER_ID,
        supplierId: SUPPLIER_ID,
        supplierName: '青崖县石门马铃薯专业合作社',
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
            id: '5a0e3c2b-1d4f-4e6a-8b9c-0d1e2f3a4b5c',
            lineNo: 1,
            skuId: POTATO_SKU_ID,
            skuCode: 'POTATO-01-1',
            productId: POTATO_ID,
            productNameZh: '高山黄心土豆',
            productNameEn: 'Highland yellow potatoes',
            packingUnitZh: '10公斤箱',
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
          },
        ],
      },
    ],
    ...overrides,
  };
}

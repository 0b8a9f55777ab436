import type { AgreementDeliveryView, AgreementTermsView, AgreementView, CommitmentView, DeliveryChangeView, ProductDetail } from '@shanhai/contract';
import { BUYER_ORG_ID, POTATO_ID, productDetail, SCHOOL_SITES, SUPPLIER_ID } from './fixtures';
import { POTATO_SKU_ID } from './ordering-fixtures';

export const AGREEMENT_ID = '3b0f6a52-8f0e-4c57-9a57-2f2d1e7c4a10';
export const COMMITMENT_ID = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const GRADE_TWO_SKU_ID = '8a4f0c1e-2b3d-4e5f-a6b7-c8d9e0f1a2b3';
export const PURPLE_ID = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';

/** The cooperative's catalog: the agreement's potatoes (two grades) and purple-skin potatoes. */
export function cooperativeProducts(): ProductDetail[] {
  const potato = productDetail();
  const gradeTwo = { ...potato.skus[0], id: GRADE_TWO_SKU_ID, code: 'POTATO-01-2', priceFen: 3200, lots: [] };
  return [
    { ...potato, skus: [...potato.skus, gradeTwo] },
    productDetail({ id: PURPLE_ID, nameZh: '紫皮土豆', nameEn: 'Purple-skin potatoes', skus: [{ ...potato.skus[0], id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', code: 'POTATO-02-1', priceFen: 4200, lots: [] }] }),
  ];
}

export function termsView(overrides: Partial<AgreementTermsView> = {}): AgreementTermsView {
  return {
    version: 1,
    status: 'accepted',
    proposedSide: 'buyer',
    proposedBy: '86aa2488-631b-4cb8-b1d3-246f828b6e4c',
    proposedByName: '东澜市第一中学 采购员',
    proposedAt: '2026-11-01T02:00:00.000Z',
    decidedBy: null,
    decidedByName: null,
    decidedAt: '2026-11-02T02:00:00.000Z',
    decisionNote: null,
    effectiveFrom: '2026-11-02',
    sku: {
      id: POTATO_SKU_ID,
      code: 'POTATO-01-1',
      productId: POTATO_ID,
      productNameZh: '高山黄心土豆',
      productNameEn: 'Highland yellow-flesh potatoes',
      packingUnitZh: '10公斤箱',
      packingUnitEn: '10 kg case',
      netWeightG: 10_000,
      listPriceFen: 3800,
      leadTimeDays: 2,
      minOrderQuantity: 5,
      orderMultiple: 5,
    },
    quantity: 20,
    price: { kind: 'fixed', unitPriceFen: 3500, basePriceFen: null, bandPermille: null, floorFen: null, ceilingFen: null },
    schedule: { kind: 'weekly', weekdays: [1, 4], dates: [] },
    deliverySite: { id: SCHOOL_SITES[0].id, name: SCHOOL_SITES[0].name, address: SCHOOL_SITES[0].address, countyCode: SCHOOL_SITES[0].countyCode },
    startDate: '2026-11-02',
    endDate: '2027-02-28',
    paymentMethod: 'card',
    invoicing: 'per_delivery',
    orderDaysAhead: 4,
    noticeDays: 7,
    note: null,
    ...overrides,
  };
}

export function changeView(overrides: Partial<DeliveryChangeView> = {}): DeliveryChangeView {
  return {
    id: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
    deliveryDate: '2026-12-14',
    kind: 'skip',
    substituteSku: null,
    quantity: null,
    unitPriceFen: null,
    status: 'proposed',
    proposedSide: 'supplier',
    proposedBy: 'c0ffee00-0000-4000-8000-000000000001',
    decidedBy: null,
    decidedAt: null,
    note: '山路塌方',
    createdAt: '2026-11-28T02:00:00.000Z',
    ...overrides,
  };
}

export function deliveryView(date: string, overrides: Partial<AgreementDeliveryView> = {}): AgreementDeliveryView {
  return {
    date,
    version: 1,
    status: 'scheduled',
    skuId: POTATO_SKU_ID,
    skuCode: 'POTATO-01-1',
    quantity: 20,
    unitPriceFen: 3500,
    heldUnits: 0,
    generationOpensOn: date,
    cutOff: date,
    change: null,
    buyerOrderId: null,
    orderNumber: null,
    orderStatus: null,
    paymentStatus: null,
    supplierOrderStatus: null,
    receivedQuantity: null,
    receivedOn: null,
    onTime: null,
    reason: null,
    ...overrides,
  };
}

export function agreementView(overrides: Partial<AgreementView> = {}): AgreementView {
  const current = termsView();
  return {
    id: AGREEMENT_ID,
    number: 'AG20261101-00ab',
    status: 'active',
    buyer: { id: BUYER_ORG_ID, name: '东澜市第一中学', nameEn: 'Donglan No. 1 Middle School' },
    supplier: { id: SUPPLIER_ID, name: '青崖县高山马铃薯专业合作社', nameEn: 'Qingya Highland Potato Cooperative' },
    proposedSide: 'buyer',
    awaiting: null,
    currentVersion: 1,
    pendingVersion: null,
    skuCode: 'POTATO-01-1',
    productNameZh: '高山黄心土豆',
    productNameEn: 'Highland yellow-flesh potatoes',
    quantity: 20,
    startDate: current.startDate,
    endDate: current.endDate,
    nextDeliveryDate: '2026-12-10',
    createdAt: '2026-11-01T02:00:00.000Z',
    yourSide: 'buyer',
    current,
    pending: null,
    versions: [current],
    pauses: [],
    changes: [],
    termination: null,
    commitmentId: null,
    activatedAt: '2026-11-02T02:00:00.000Z',
    closedAt: null,
    progress: {
      asOf: '2026-11-29',
      contractedDeliveries: 34,
      contractedUnits: 680,
      dueDeliveries: 8,
      dueUnits: 160,
      orderedDeliveries: 8,
      orderedFen: 560_000,
      deliveredDeliveries: 7,
      deliveredUnits: 140,
      deliveredFen: 490_000,
      onTimeDeliveries: 7,
      lateDeliveries: 0,
      skippedDeliveries: 0,
      missedDeliveries: 0,
      cancelledDeliveries: 0,
      deliveredRatePermille: 875,
      onTimeRatePermille: 1000,
    },
    upcoming: [],
    ...overrides,
  };
}

export function commitmentView(overrides: Partial<CommitmentView> = {}): CommitmentView {
  return {
    id: COMMITMENT_ID,
    buyer: { id: BUYER_ORG_ID, name: '东澜市第一中学', nameEn: 'Donglan No. 1 Middle School' },
    supplier: { id: SUPPLIER_ID, name: '青崖县高山马铃薯专业合作社', nameEn: 'Qingya Highland Potato Cooperative' },
    product: { id: POTATO_ID, nameZh: '高山黄心土豆', nameEn: 'Highland yellow-flesh potatoes' },
    sku: { id: POTATO_SKU_ID, code: 'POTATO-01-1', packingUnitZh: '10公斤箱', packingUnitEn: '10 kg case', netWeightG: 10_000 },
    harvestMonth: '2027-09',
    quantity: 120,
    targetPriceFen: 3600,
    deliverySiteId: SCHOOL_SITES[0].id,
    note: null,
    status: 'acknowledged',
    createdAt: '2026-11-01T02:00:00.000Z',
    acknowledgedAt: '2026-11-03T02:00:00.000Z',
    decisionNote: '已安排 30 亩种植',
    agreementId: null,
    buyerOrderId: null,
    convertedAt: null,
    ...overrides,
  };
}

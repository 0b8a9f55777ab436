import type { ProductDetail } from '@shanhai/contract';
import type { ProposalForm } from './proposal-model';
import type { SkuChoice } from './terms-form';

/** A new proposal's form: fixed price, Monday and Thursday, paid by card; the caller fills the SKU, period and site. */
export function emptyProposal(values: Pick<ProposalForm, 'skuId' | 'quantity' | 'priceYuan' | 'startDate' | 'endDate' | 'deliverySiteId'>): ProposalForm {
  return {
    priceKind: 'fixed',
    band: '100',
    bandUnit: 'permille',
    scheduleKind: 'weekly',
    weekdays: [1, 4],
    dates: [''],
    paymentMethod: 'card',
    invoicing: 'per_delivery',
    orderDaysAhead: '',
    noticeDays: '',
    note: '',
    ...values,
  };
}

/** A product's SKUs as the terms form lists them. */
export function skuChoices(product: Pick<ProductDetail, 'skus'>, localize: (zh: string, en: string | null | undefined) => string, productName?: string): SkuChoice[] {
  return product.skus.map((s) => ({
    id: s.id,
    label: `${productName ? `${productName} · ` : ''}${s.code} · ${localize(s.packingUnitZh, s.packingUnitEn)}`,
    minOrderQuantity: s.minOrderQuantity,
    orderMultiple: s.orderMultiple,
    priceFen: s.priceFen,
  }));
}

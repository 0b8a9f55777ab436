import type { BadgeTone } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';

const SUPPLIER_ORDER = ['pending', 'placed', 'accepted', 'shipped', 'received', 'rejected', 'cancelled'] as const;
const BUYER_ORDER = ['pending_approval', 'awaiting_payment', 'open', 'completed', 'cancelled'] as const;
const PAYMENT = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
const METHOD = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;
const PRODUCT = ['draft', 'active', 'archived'] as const;
const VERIFICATION = ['pending', 'verified', 'rejected'] as const;
const CERTIFICATION = ['applied', 'certified', 'rejected', 'revoked'] as const;
const STORAGE = ['ambient', 'chilled', 'frozen'] as const;
const SUPPLIER_TYPE = ['cooperative', 'enterprise', 'family_farm'] as const;
const INCOME = ['wages', 'assets', 'operating'] as const;
const LEDGER = ['earned', 'payout', 'adjustment'] as const;
const CLAIM_REASON = ['short', 'damaged', 'rejected', 'cancelled', 'delivery_fee'] as const;
const CLAIM_STATUS = ['open', 'refunded', 'credited', 'waived'] as const;
const LINE = ['pending', 'accepted', 'rejected'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Translated names for the API's codes; a code this build does not know is shown as it is. */
export function useLabels() {
  const { t } = useTranslation();
  return {
    supplierOrderStatus: (s: string) => (isOneOf(SUPPLIER_ORDER, s) ? t(`labels.supplierOrderStatus.${s}`) : s),
    buyerOrderStatus: (s: string) => (isOneOf(BUYER_ORDER, s) ? t(`labels.buyerOrderStatus.${s}`) : s),
    paymentStatus: (s: string) => (isOneOf(PAYMENT, s) ? t(`labels.paymentStatus.${s}`) : s),
    paymentMethod: (s: string) => (isOneOf(METHOD, s) ? t(`labels.paymentMethod.${s}`) : s),
    productStatus: (s: string) => (isOneOf(PRODUCT, s) ? t(`labels.productStatus.${s}`) : s),
    verification: (s: string) => (isOneOf(VERIFICATION, s) ? t(`labels.verification.${s}`) : s),
    certification: (s: string) => (isOneOf(CERTIFICATION, s) ? t(`labels.certification.${s}`) : s),
    storage: (s: string) => (isOneOf(STORAGE, s) ? t(`labels.storage.${s}`) : s),
    supplierType: (s: string | null) => (s && isOneOf(SUPPLIER_TYPE, s) ? t(`labels.supplierType.${s}`) : (s ?? '')),
    incomeMode: (s: string) => (isOneOf(INCOME, s) ? t(`labels.incomeMode.${s}`) : s),
    ledgerKind: (s: string) => (isOneOf(LEDGER, s) ? t(`labels.ledgerKind.${s}`) : s),
    claimReason: (s: string) => (isOneOf(CLAIM_REASON, s) ? t(`labels.claimReason.${s}`) : s),
    claimStatus: (s: string) => (isOneOf(CLAIM_STATUS, s) ? t(`labels.claimStatus.${s}`) : s),
    lineStatus: (s: string) => (isOneOf(LINE, s) ? t(`labels.lineStatus.${s}`) : s),
  };
}

/** One colour per status family, repeated by the badge's text (colour never carries the meaning alone). */
export function statusTone(status: string): BadgeTone {
  switch (status) {
    case 'verified':
    case 'certified':
    case 'active':
    case 'received':
    case 'accepted':
    case 'paid':
    case 'completed':
      return 'success';
    case 'pending':
    case 'applied':
    case 'placed':
    case 'draft':
    case 'unpaid':
      return 'warning';
    case 'rejected':
    case 'revoked':
    case 'cancelled':
      return 'danger';
    case 'shipped':
      return 'info';
    default:
      return 'neutral';
  }
}

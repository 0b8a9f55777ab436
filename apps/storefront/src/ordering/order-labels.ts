import { useTranslation } from 'react-i18next';

const ORDER_STATUSES = ['pending_approval', 'awaiting_payment', 'open', 'completed', 'cancelled'] as const;
const SUPPLIER_STATUSES = ['pending', 'placed', 'accepted', 'shipped', 'received', 'rejected', 'cancelled'] as const;
const PAYMENT_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
const METHODS = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;
const CLAIM_REASONS = ['short', 'damaged', 'rejected', 'cancelled', 'delivery_fee'] as const;
const CLAIM_STATUSES = ['open', 'refunded', 'credited', 'waived'] as const;
const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
const REFUND_REASONS = ['claim', 'late_payment', 'duplicate_payment'] as const;
const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Translated names for the API's status codes; a code this build does not know is shown as it is. */
export function useOrderLabels() {
  const { t } = useTranslation();
  return {
    orderStatus: (s: string) => (isOneOf(ORDER_STATUSES, s) ? t(`ordering.status.${s}`) : s),
    supplierStatus: (s: string) => (isOneOf(SUPPLIER_STATUSES, s) ? t(`ordering.supplierStatus.${s}`) : s),
    paymentStatus: (s: string) => (isOneOf(PAYMENT_STATUSES, s) ? t(`ordering.paymentStatus.${s}`) : s),
    method: (s: string) => (isOneOf(METHODS, s) ? t(`ordering.methods.${s}`) : s),
    claimReason: (s: string) => (isOneOf(CLAIM_REASONS, s) ? t(`ordering.moneyBack.reasons.${s}`) : s),
    claimStatus: (s: string) => (isOneOf(CLAIM_STATUSES, s) ? t(`ordering.moneyBack.claimStatus.${s}`) : s),
    refundStatus: (s: string) => (isOneOf(REFUND_STATUSES, s) ? t(`ordering.moneyBack.refundStatus.${s}`) : s),
    refundReason: (s: string) => (isOneOf(REFUND_REASONS, s) ? t(`ordering.moneyBack.refundReason.${s}`) : s),
    invoiceStatus: (s: string) => (isOneOf(INVOICE_STATUSES, s) ? t(`invoices.statuses.${s}`) : s),
    /** A credit note's reason is stored as "<claim reason>: <the buyer's note>"; the code part is translated. */
    creditNoteReason: (reason: string) => {
      const [code, ...note] = reason.split(': ');
      if (!isOneOf(CLAIM_REASONS, code)) return reason;
      return note.length ? `${t(`ordering.moneyBack.reasons.${code}`)} — ${note.join(': ')}` : t(`ordering.moneyBack.reasons.${code}`);
    },
  };
}

/** A timestamp as China time, which is what buyers and cooperatives agree delivery days in. */
export function formatChinaTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * A calendar date (delivery, harvest, shipping day). The API sends some of them as midnight timestamps
 * (`2026-12-01T00:00:00.000Z`); the day is the part before the `T`.
 */
export function dateOnly(value: string): string {
  return value.slice(0, 10);
}

import { useTranslation } from 'react-i18next';

const ORDER_STATUSES = ['pending_approval', 'awaiting_payment', 'open', 'completed', 'cancelled'] as const;
const SUPPLIER_STATUSES = ['pending', 'placed', 'accepted', 'shipped', 'received', 'rejected', 'cancelled'] as const;
const PAYMENT_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
const METHODS = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Translated names for the API's status codes; a code this build does not know is shown as it is. */
export function useOrderLabels() {
  const { t } = useTranslation();
  return {
    orderStatus: (s: string) => (isOneOf(ORDER_STATUSES, s) ? t(`ordering.status.${s}`) : s),
    supplierStatus: (s: string) => (isOneOf(SUPPLIER_STATUSES, s) ? t(`ordering.supplierStatus.${s}`) : s),
    paymentStatus: (s: string) => (isOneOf(PAYMENT_STATUSES, s) ? t(`ordering.paymentStatus.${s}`) : s),
    method: (s: string) => (isOneOf(METHODS, s) ? t(`ordering.methods.${s}`) : s),
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

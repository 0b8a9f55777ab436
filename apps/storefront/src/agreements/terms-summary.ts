import type { AgreementTermsView, DeliveryChangeView } from '@shanhai/contract';
import { formatYuan } from '@shanhai/domain';
import { useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { useOrderLabels } from '../ordering/order-labels';
import { isWeekday } from './agreement-labels';
import type { TermsField } from './proposal-model';

/** Short texts for one field of a version's terms (the versions table's "what changed"), and for a delivery change. */
export function useTermsText() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useOrderLabels();
  const sep = t('common.listSeparator');
  const price = (terms: AgreementTermsView) =>
    terms.price.kind === 'fixed'
      ? formatYuan(terms.price.unitPriceFen ?? 0)
      : t('agreementActions.bandText', { base: formatYuan(terms.price.basePriceFen ?? 0), band: terms.price.bandPermille ?? 0 });
  const schedule = (terms: AgreementTermsView) =>
    terms.schedule.kind === 'weekly'
      ? t('agreements.detail.weekly', { days: terms.schedule.weekdays.filter(isWeekday).map((d) => t(`agreements.weekdays.${d}`)).join(sep) })
      : t('agreements.detail.dates', { dates: terms.schedule.dates.join(sep) });
  const value = (field: TermsField, terms: AgreementTermsView): string => {
    switch (field) {
      case 'sku':
        return `${localize(terms.sku.productNameZh, terms.sku.productNameEn)} · ${terms.sku.code}`;
      case 'quantity':
        return String(terms.quantity);
      case 'price':
        return price(terms);
      case 'schedule':
        return schedule(terms);
      case 'period':
        return `${terms.startDate} – ${terms.endDate}`;
      case 'site':
        return terms.deliverySite?.name ?? t('agreements.detail.siteLater');
      case 'payment':
        return terms.paymentMethod === 'invoice' ? `${labels.method(terms.paymentMethod)} · ${t(`agreementActions.invoicing.${terms.invoicing}`)}` : labels.method(terms.paymentMethod);
      case 'orderDaysAhead':
        return String(terms.orderDaysAhead);
      case 'noticeDays':
        return String(terms.noticeDays);
      case 'note':
        return terms.note ?? '—';
    }
  };
  return {
    price,
    /** "每次数量：20 → 25" */
    change: (field: TermsField, before: AgreementTermsView, after: AgreementTermsView) =>
      t('agreementActions.versions.changed', { field: t(`agreementActions.fields.${field}`), before: value(field, before), after: value(field, after) }),
    /** "跳过" or "换成 POTATO-01-2 × 20，¥34.00" */
    deliveryChange: (c: DeliveryChangeView) =>
      c.kind === 'skip'
        ? t('agreementActions.changes.skipText')
        : t('agreementActions.changes.substituteText', {
            sku: c.substituteSku ? `${localize(c.substituteSku.productNameZh, c.substituteSku.productNameEn)} · ${c.substituteSku.code}` : '—',
            quantity: c.quantity ?? t('agreementActions.changes.sameQuantity'),
            price: c.unitPriceFen !== null ? formatYuan(c.unitPriceFen) : t('agreementActions.changes.agreedPrice'),
          }),
  };
}

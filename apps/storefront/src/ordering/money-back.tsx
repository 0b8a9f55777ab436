import type { BuyerOrderView, OrderLineView, SupplierOrderView } from '@shanhai/contract';
import { Badge, Price, useLanguage, useLocalize, type BadgeTone } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../catalog/catalog-format';
import { formatChinaTime, useOrderLabels } from './order-labels';

const CLAIM_TONES: Record<string, BadgeTone> = { open: 'warning', refunded: 'success', credited: 'success', waived: 'neutral' };
const REFUND_TONES: Record<string, BadgeTone> = { pending: 'warning', succeeded: 'success', failed: 'danger' };

/**
 * What the order gives back: every claim (a line short, damaged, rejected or cancelled, or a delivery fee) with
 * how it was settled, the refunds to the card or wallet, and the credit notes against the invoice. Nothing is
 * shown when nothing was claimed.
 */
export function MoneyBack({ order }: { order: BuyerOrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useOrderLabels();
  if (order.claims.length === 0 && order.refunds.length === 0 && order.creditNotes.length === 0) return null;

  const lines = new Map<string, { line: OrderLineView; supplierOrder: SupplierOrderView }>();
  const supplierOrders = new Map<string, SupplierOrderView>();
  for (const so of order.supplierOrders) {
    supplierOrders.set(so.id, so);
    for (const line of so.lines) lines.set(line.id, { line, supplierOrder: so });
  }
  const supplierName = (so: SupplierOrderView | undefined) => (so ? localize(so.supplierName, so.supplierNameEn) : '—');

  return (
    <section className="money-back" aria-labelledby="money-back-title" data-testid="money-back">
      <h2 id="money-back-title" className="order__section-title">
        {t('ordering.moneyBack.title')}
      </h2>
      {order.claims.length > 0 ? (
        <div className="table-scroll" role="region" aria-label={t('ordering.moneyBack.caption')} tabIndex={0}>
          <table className="data-table money-back__table">
            <caption className="ui-visually-hidden">{t('ordering.moneyBack.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ordering.moneyBack.item')}</th>
                <th scope="col">{t('ordering.moneyBack.reason')}</th>
                <th scope="col">{t('ordering.moneyBack.quantity')}</th>
                <th scope="col">{t('ordering.moneyBack.amount')}</th>
                <th scope="col">{t('ordering.moneyBack.status')}</th>
              </tr>
            </thead>
            <tbody>
              {order.claims.map((claim) => {
                const found = claim.orderLineId ? lines.get(claim.orderLineId) : undefined;
                const item = found
                  ? localize(found.line.productNameZh, found.line.productNameEn)
                  : t('ordering.moneyBack.fee', { supplier: supplierName(supplierOrders.get(claim.supplierOrderId)) });
                const unit = found ? localize(found.line.packingUnitZh, found.line.packingUnitEn) : null;
                return (
                  <tr key={claim.id} data-testid="claim">
                    <th scope="row">
                      {item}
                      {claim.note ? <span className="cart-line__meta">{t('ordering.moneyBack.note', { note: claim.note })}</span> : null}
                    </th>
                    <td>{labels.claimReason(claim.reason)}</td>
                    <td className="order__quantity">{unit && claim.quantity ? `${formatCount(claim.quantity, language)} × ${unit}` : '—'}</td>
                    <td>
                      <Price fen={claim.amountFen} />
                    </td>
                    <td>
                      <Badge tone={CLAIM_TONES[claim.status] ?? 'neutral'}>{labels.claimStatus(claim.status)}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {order.refunds.length > 0 ? (
        <>
          <h3 className="money-back__subtitle">{t('ordering.moneyBack.refunds')}</h3>
          <div className="table-scroll" role="region" aria-label={t('ordering.moneyBack.refundsCaption')} tabIndex={0}>
            <table className="data-table">
              <caption className="ui-visually-hidden">{t('ordering.moneyBack.refundsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ordering.moneyBack.date')}</th>
                  <th scope="col">{t('ordering.moneyBack.reason')}</th>
                  <th scope="col">{t('ordering.moneyBack.amount')}</th>
                  <th scope="col">{t('ordering.moneyBack.status')}</th>
                </tr>
              </thead>
              <tbody>
                {order.refunds.map((refund) => (
                  <tr key={refund.id} data-testid="refund">
                    <th scope="row">{formatChinaTime(refund.settledAt ?? refund.createdAt, language)}</th>
                    <td>{labels.refundReason(refund.reason)}</td>
                    <td>
                      <Price fen={refund.amountFen} />
                    </td>
                    <td>
                      <Badge tone={REFUND_TONES[refund.status] ?? 'neutral'}>{labels.refundStatus(refund.status)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {order.creditNotes.length > 0 ? (
        <>
          <h3 className="money-back__subtitle">{t('ordering.moneyBack.creditNotes')}</h3>
          <div className="table-scroll" role="region" aria-label={t('ordering.moneyBack.creditNotesCaption')} tabIndex={0}>
            <table className="data-table">
              <caption className="ui-visually-hidden">{t('ordering.moneyBack.creditNotesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ordering.moneyBack.date')}</th>
                  <th scope="col">{t('ordering.moneyBack.reason')}</th>
                  <th scope="col">{t('ordering.moneyBack.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {order.creditNotes.map((note) => (
                  <tr key={note.id} data-testid="credit-note">
                    <th scope="row">{formatChinaTime(note.createdAt, language)}</th>
                    <td>{labels.creditNoteReason(note.reason)}</td>
                    <td>
                      <Price fen={note.amountFen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

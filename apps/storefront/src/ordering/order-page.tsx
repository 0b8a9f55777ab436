import { isApiError } from '@shanhai/api-client';
import type { BuyerOrderView, SupplierOrderView } from '@shanhai/contract';
import { Badge, Button, Container, Price, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { formatCount } from '../catalog/catalog-format';
import { useSession } from '../identity/session-provider';
import { ApprovalActions } from './approval-actions';
import { BuyerGate } from './buyer-gate';
import type { ReorderState } from './cart-page';
import { MoneyBack } from './money-back';
import { dateOnly, formatChinaTime, useOrderLabels } from './order-labels';
import { useOpenCheckout, useOrder, useReorder } from './ordering.queries';
import { EvaluationForm, ReceiptForm, ReceiptSummary } from './receiving';
// Facts and tables look as on the product page.
import '../catalog/product.css';
import './ordering.css';

const POLL_MS = 15_000;

export function OrderPage() {
  return (
    <Container className="page order-page">
      <BuyerGate>{() => <OrderContent />}</BuyerGate>
    </Container>
  );
}

function OrderContent() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const [params] = useSearchParams();
  const returning = params.get('payment');
  // Back from the payment page the webhook may still be on its way: read the order again for a few seconds.
  const [pollOver, setPollOver] = useState(false);
  useEffect(() => {
    if (returning !== 'success') return;
    const timer = setTimeout(() => setPollOver(true), POLL_MS);
    return () => clearTimeout(timer);
  }, [returning]);
  const order = useOrder(orderId, returning === 'success' && !pollOver);

  if (order.isPending) return <StatusMessage tone="loading" />;
  if (order.isError) {
    const missing = isApiError(order.error) && (order.error.status === 404 || order.error.status === 400 || order.error.status === 403);
    return (
      <>
        <title>{`${t('ordering.order.failed')} · ${t('app.name')}`}</title>
        <h1 className="page__title">{t(missing ? 'ordering.order.notFound' : 'ordering.order.failed')}</h1>
        {missing ? (
          <StatusMessage tone="empty" action={<Link to="/orders">{t('ordering.order.backToOrders')}</Link>} />
        ) : (
          <StatusMessage tone="error" title={t('errors.tryLater')} onRetry={() => void order.refetch()} />
        )}
      </>
    );
  }
  const stillPolling = returning === 'success' && order.data.paymentStatus === 'unpaid' && !pollOver;
  return <OrderView order={order.data} returning={returning} stillPolling={stillPolling} />;
}

function OrderView({ order, returning, stillPolling }: { order: BuyerOrderView; returning: string | null; stillPolling: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useOrderLabels();
  const openCheckout = useOpenCheckout();
  const { canApprove, canPurchase } = useSession();
  const title = t('ordering.order.title', { number: order.number });
  const paid = order.paymentStatus === 'paid';
  // Approvers read the order but the API lets only purchasers and admins pay it.
  const canPay = order.status === 'awaiting_payment' && order.paymentMethod !== 'invoice' && canPurchase;

  return (
    <>
      <title>{`${title} · ${t('app.name')}`}</title>
      <p className="order__back">
        <Link to="/orders">{t('ordering.order.backToOrders')}</Link>
      </p>
      <h1 className="page__title">{title}</h1>

      <div className="order__notice" aria-live="polite">
        {returning === 'success' && paid ? <p className="order__paid">{t('ordering.order.paid')}</p> : null}
        {stillPolling ? <StatusMessage tone="loading" title={t('ordering.order.confirming')} /> : null}
        {returning === 'success' && !paid && !stillPolling ? <StatusMessage tone="empty" title={t('ordering.order.notYet')} /> : null}
        {returning === 'cancelled' && !paid ? <StatusMessage tone="empty" title={t('ordering.order.cancelled')} /> : null}
      </div>

      <dl className="facts order__facts">
        <div>
          <dt>{t('ordering.order.status')}</dt>
          <dd data-testid="order-status">{labels.orderStatus(order.status)}</dd>
        </div>
        <div>
          <dt>{t('ordering.order.payment')}</dt>
          <dd>
            <Badge tone={paid ? 'success' : 'warning'}>
              <span data-testid="payment-status">{labels.paymentStatus(order.paymentStatus)}</span>
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{t('ordering.order.method')}</dt>
          <dd>{labels.method(order.paymentMethod)}</dd>
        </div>
        <div>
          <dt>{t('ordering.order.site')}</dt>
          <dd>
            {order.deliverySite.name} · {order.deliverySite.address}
          </dd>
        </div>
        <div>
          <dt>{t('ordering.order.date')}</dt>
          <dd>
            <time dateTime={dateOnly(order.deliveryDate)}>{dateOnly(order.deliveryDate)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('ordering.order.placed')}</dt>
          <dd>
            {formatChinaTime(order.createdAt, language)}
            {order.placedByName ? ` · ${order.placedByName}` : null}
          </dd>
        </div>
        {order.approvedByName ? (
          <div>
            <dt>{t('ordering.order.approvedBy')}</dt>
            <dd>
              {order.approvedByName}
              {order.approvedAt ? ` · ${formatChinaTime(order.approvedAt, language)}` : null}
            </dd>
          </div>
        ) : null}
        {order.invoice ? (
          <div>
            <dt>{t('ordering.order.invoice')}</dt>
            <dd>
              <Link to={`/invoices/${order.invoice.id}`} data-testid="order-invoice">
                {order.invoice.number ?? t('ordering.order.viewInvoice')}
              </Link>{' '}
              <Badge tone={order.invoice.status === 'paid' ? 'success' : 'neutral'}>{labels.invoiceStatus(order.invoice.status)}</Badge>
            </dd>
          </div>
        ) : null}
        {order.paidAt ? (
          <div>
            <dt>{t('ordering.order.paidAt')}</dt>
            <dd>{formatChinaTime(order.paidAt, language)}</dd>
          </div>
        ) : null}
      </dl>

      {order.status === 'pending_approval' ? (
        <section className="order__approval" aria-labelledby="order-approval-title">
          <h2 id="order-approval-title" className="order__approval-title">
            {t('ordering.approval.panelTitle')}
          </h2>
          <p>{t('ordering.order.awaitingApproval')}</p>
          {order.paymentDueAt ? <p>{t('ordering.order.approvalDueAt', { time: formatChinaTime(order.paymentDueAt, language) })}</p> : null}
          {canApprove ? <ApprovalActions orderId={order.id} number={order.number} /> : null}
        </section>
      ) : null}

      {canPay ? (
        <div className="order__pay">
          {order.paymentDueAt ? <p>{t('ordering.order.dueAt', { time: formatChinaTime(order.paymentDueAt, language) })}</p> : null}
          <Button
            variant="primary"
            disabled={openCheckout.isPending || openCheckout.isSuccess}
            onClick={() => openCheckout.mutate({ orderId: order.id }, { onSuccess: (session) => window.location.assign(session.checkoutUrl) })}
          >
            {t('ordering.order.pay')}
          </Button>
          {openCheckout.isError ? (
            <StatusMessage tone="error" title={t('ordering.order.payFailed')}>
              {isApiError(openCheckout.error) ? openCheckout.error.message : null}
            </StatusMessage>
          ) : null}
        </div>
      ) : null}

      <section className="cart-summary order__totals" aria-labelledby="order-totals-title">
        <h2 id="order-totals-title" className="cart-summary__title">
          {t('ordering.checkout.summary')}
        </h2>
        <p className="cart-summary__row">
          <span>{t('ordering.order.produce')}</span>
          <Price fen={order.produceFen} />
        </p>
        <p className="cart-summary__row">
          <span>{t('ordering.order.fees')}</span>
          <Price fen={order.deliveryFeeFen} />
        </p>
        <p className="cart-summary__row cart-summary__row--total">
          <span>{t('ordering.order.total')}</span>
          <Price fen={order.totalFen} />
        </p>
        {order.refundedFen > 0 ? (
          <p className="cart-summary__row">
            <span>{t('ordering.order.refunded')}</span>
            <Price fen={-order.refundedFen} />
          </p>
        ) : null}
        {order.creditedFen > 0 ? (
          <p className="cart-summary__row">
            <span>{t('ordering.order.credited')}</span>
            <Price fen={-order.creditedFen} />
          </p>
        ) : null}
      </section>

      {canPurchase ? <ReorderButton organisationId={order.organisationId} orderId={order.id} number={order.number} /> : null}

      <h2 className="order__section-title">{t('ordering.order.supplierOrders')}</h2>
      {order.supplierOrders.map((supplierOrder) => (
        <SupplierOrder key={supplierOrder.id} orderId={order.id} supplierOrder={supplierOrder} />
      ))}

      <MoneyBack order={order} />
    </>
  );
}

/** Puts the order's lines back in the cart at today's prices, then shows the cart with what was and was not added. */
function ReorderButton({ organisationId, orderId, number }: { organisationId: string; orderId: string; number: string }) {
  const { t } = useTranslation();
  const reorder = useReorder(organisationId);
  const navigate = useNavigate();
  return (
    <div className="order__reorder">
      <Button
        onClick={() =>
          reorder.mutate(orderId, {
            onSuccess: (report) => {
              const state: ReorderState = { reorder: { number, report } };
              void navigate('/cart', { state });
            },
          })
        }
        disabled={reorder.isPending}
        aria-busy={reorder.isPending || undefined}
        aria-label={t('ordering.order.reorderLabel', { number })}
        data-testid="reorder"
      >
        {t('ordering.order.reorder')}
      </Button>
      {reorder.isError ? (
        <StatusMessage tone="error" title={t('ordering.order.reorderFailed')}>
          {isApiError(reorder.error) && reorder.error.status !== 0 ? reorder.error.message : t('errors.network')}
        </StatusMessage>
      ) : null}
    </div>
  );
}

function SupplierOrder({ orderId, supplierOrder }: { orderId: string; supplierOrder: SupplierOrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useOrderLabels();
  const supplier = localize(supplierOrder.supplierName, supplierOrder.supplierNameEn);
  return (
    <section className="cart-group supplier-order" aria-labelledby={`so-${supplierOrder.id}`} data-testid="supplier-order">
      <h3 id={`so-${supplierOrder.id}`} className="cart-group__title">
        {supplier} <Badge tone="info">{labels.supplierStatus(supplierOrder.status)}</Badge>
      </h3>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('ordering.order.tracking')}</dt>
          <dd>{supplierOrder.trackingNo ?? t('ordering.order.none')}</dd>
        </div>
        {supplierOrder.carrier ? (
          <div>
            <dt>{t('ordering.order.carrier')}</dt>
            <dd>{supplierOrder.carrier}</dd>
          </div>
        ) : null}
        {supplierOrder.shippedOn ? (
          <div>
            <dt>{t('ordering.order.shippedOn')}</dt>
            <dd>{dateOnly(supplierOrder.shippedOn)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ordering.order.produce')}</dt>
          <dd>
            <Price fen={supplierOrder.produceFen} />
          </dd>
        </div>
        <div>
          <dt>{t('ordering.order.fee')}</dt>
          <dd>
            <Price fen={supplierOrder.deliveryFeeFen} />
          </dd>
        </div>
      </dl>
      <div className="table-scroll" role="region" aria-label={t('ordering.order.lines', { supplier })} tabIndex={0}>
        <table className="data-table">
          <caption className="ui-visually-hidden">{t('ordering.order.lines', { supplier })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ordering.cart.product')}</th>
              <th scope="col">{t('ordering.cart.quantity')}</th>
              <th scope="col">{t('ordering.cart.unitPrice')}</th>
              <th scope="col">{t('ordering.cart.lineTotal')}</th>
              <th scope="col">{t('ordering.order.lots')}</th>
            </tr>
          </thead>
          <tbody>
            {supplierOrder.lines.map((line) => (
              <tr key={line.id}>
                <th scope="row">
                  <Link to={`/products/${line.productId}`}>{localize(line.productNameZh, line.productNameEn)}</Link>
                  <span className="cart-line__meta">{t('ordering.cart.code', { code: line.skuCode })}</span>
                </th>
                <td className="order__quantity">
                  {formatCount(line.quantity, language)} × {localize(line.packingUnitZh, line.packingUnitEn)}
                </td>
                <td>
                  <Price fen={line.unitPriceFen} />
                </td>
                <td>
                  <Price fen={line.lineFen} />
                </td>
                <td>
                  <ul className="order__lots">
                    {line.lots.map((lot) => (
                      <li key={lot.lotId}>{t('ordering.order.lot', { code: lot.lotCode, date: dateOnly(lot.harvestDate), quantity: formatCount(lot.quantity, language) })}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {supplierOrder.status === 'shipped' ? <ReceiptForm orderId={orderId} supplierOrder={supplierOrder} /> : null}
      {supplierOrder.status === 'received' ? (
        <>
          <ReceiptSummary supplierOrder={supplierOrder} />
          <EvaluationForm orderId={orderId} supplierOrder={supplierOrder} />
        </>
      ) : null}
    </section>
  );
}

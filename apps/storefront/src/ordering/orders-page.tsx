import { Badge, Container, Pagination, Price, StatusMessage, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BuyerGate } from './buyer-gate';
import { dateOnly, formatChinaTime, useOrderLabels } from './order-labels';
import { useOrders } from './ordering.queries';
// Tables look as on the product page.
import '../catalog/product.css';
import './ordering.css';

export function OrdersPage() {
  const { t } = useTranslation();
  return (
    <Container className="page orders-page">
      <title>{`${t('ordering.orders.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('ordering.orders.title')}</h1>
      <BuyerGate>{(buyer) => <OrderList organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

function OrderList({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useOrderLabels();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orders = useOrders(organisationId, page);
  if (orders.isPending) return <StatusMessage tone="loading" />;
  if (orders.isError) return <StatusMessage tone="error" title={t('ordering.orders.failed')} onRetry={() => void orders.refetch()} />;
  if (orders.data.items.length === 0) {
    return <StatusMessage tone="empty" title={t('ordering.orders.empty')} action={<Link to="/browse">{t('ordering.cart.browse')}</Link>} />;
  }
  const pageCount = Math.max(1, Math.ceil(orders.data.total / orders.data.pageSize));
  return (
    <>
      <div className="table-scroll" role="region" aria-label={t('ordering.orders.caption')} tabIndex={0}>
        <table className="data-table orders-table">
          <caption className="ui-visually-hidden">{t('ordering.orders.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ordering.orders.number')}</th>
              <th scope="col">{t('ordering.orders.placed')}</th>
              <th scope="col">{t('ordering.orders.delivery')}</th>
              <th scope="col">{t('ordering.orders.total')}</th>
              <th scope="col">{t('ordering.orders.status')}</th>
              <th scope="col">{t('ordering.orders.payment')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((order) => (
              <tr key={order.id}>
                <th scope="row">
                  <Link to={`/orders/${order.id}`}>{order.number}</Link>
                </th>
                <td>{formatChinaTime(order.createdAt, language)}</td>
                <td>{dateOnly(order.deliveryDate)}</td>
                <td>
                  <Price fen={order.totalFen} />
                </td>
                <td>{labels.orderStatus(order.status)}</td>
                <td>
                  <Badge tone={order.paymentStatus === 'paid' ? 'success' : 'neutral'}>{labels.paymentStatus(order.paymentStatus)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/orders?page=${p}`} /> : null}
    </>
  );
}

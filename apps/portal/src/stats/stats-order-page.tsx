import { Container, Price, Section, StatusMessage, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatChinaTime } from '../common/format';
import { useLabels } from '../common/labels';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { LinesTable } from './lines-page';
import { useStatsOrder } from './stats.queries';
import { useStatsLabels } from './stats-labels';
import type { StatsOrderView } from './stats-views';

/** One order as the statistics counted it: its records in both figures, within the official's jurisdiction. */
export function StatsOrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const order = useStatsOrder(orderId);
  return (
    <Container className="page stats-page">
      <p className="back-link">
        <Link to="/stats">{t('statsDash.order.back')}</Link>
      </p>
      <QueryView query={order}>{(o) => <OrderBody order={o} />}</QueryView>
    </Container>
  );
}

function OrderBody({ order }: { order: StatsOrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  const statsLabels = useStatsLabels();
  const figures = [
    ['sales', order.sales],
    ['counted', order.counted],
  ] as const;
  return (
    <>
      <PageTitle title={t('statsDash.order.title', { number: order.number })}>{t('statsDash.order.title', { number: order.number })}</PageTitle>
      <dl className="facts" data-testid="stats-order">
        <div>
          <dt>{t('statsDash.order.buyer')}</dt>
          <dd>
            {order.buyerName} · {statsLabels.buyerType(order.buyerType)}
          </dd>
        </div>
        <div>
          <dt>{t('statsDash.order.status')}</dt>
          <dd>
            {labels.buyerOrderStatus(order.status)} · {labels.paymentStatus(order.paymentStatus)}
          </dd>
        </div>
        <div>
          <dt>{t('statsDash.order.produce')}</dt>
          <dd>
            <Price fen={order.produceFen} />
          </dd>
        </div>
        <div>
          <dt>{t('statsDash.order.deliveryFee')}</dt>
          <dd>
            <Price fen={order.deliveryFeeFen} /> <span className="cell-note">{t('statsDash.order.deliveryNote')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('statsDash.order.paidAt')}</dt>
          <dd>{order.paidAt ? formatChinaTime(order.paidAt, language) : '—'}</dd>
        </div>
        <div>
          <dt>{t('statsDash.order.completedAt')}</dt>
          <dd>{order.completedAt ? formatChinaTime(order.completedAt, language) : '—'}</dd>
        </div>
      </dl>
      {figures.map(([figure, part]) => (
        <Section key={figure} id={`order-${figure}`} title={t(`statsDash.figure.${figure}`)}>
          {part.records.length === 0 ? (
            <StatusMessage tone="empty" title={t(`statsDash.order.notYet.${figure}`)} />
          ) : (
            <LinesTable
              data={{
                currency: 'CNY',
                figure,
                from: '',
                to: '',
                asOf: null,
                groupBy: 'day',
                key: null,
                page: 1,
                pageSize: Math.max(1, part.records.length),
                total: { key: '', ...part.total },
                items: part.records,
              }}
              hrefFor={() => ''}
            />
          )}
        </Section>
      ))}
    </>
  );
}

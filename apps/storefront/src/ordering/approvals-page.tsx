import type { BuyerOrderSummary } from '@shanhai/contract';
import { Container, Price, StatusMessage, useLanguage } from '@shanhai/ui';
import { formatYuan } from '@shanhai/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../identity/session-provider';
import { ApprovalActions } from './approval-actions';
import { BuyerGate } from './buyer-gate';
import { dateOnly, formatChinaTime, useOrderLabels } from './order-labels';
import { usePendingApprovals, usePurchasing } from './ordering.queries';
// Facts look as on the product page.
import '../catalog/product.css';
import './ordering.css';

/** The approver's queue: orders above the organisation's threshold, approved or rejected one by one. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  return (
    <Container className="page approvals-page">
      <title>{`${t('ordering.approval.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('ordering.approval.title')}</h1>
      <BuyerGate>{(buyer) => <ApprovalQueue organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

function ApprovalQueue({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { canApprove } = useSession();
  const queue = usePendingApprovals(organisationId, canApprove);
  const purchasing = usePurchasing(organisationId);
  const [outcome, setOutcome] = useState<{ message: string; seq: number } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  // The decided order leaves the list: focus goes to what happened to it instead of being lost.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  if (!canApprove) return <StatusMessage tone="empty" title={t('ordering.approval.notApprover')} />;
  const threshold = purchasing.data?.approvalThresholdFen ?? null;
  return (
    <>
      <p className="approvals__intro">{t('ordering.approval.intro')}</p>
      {threshold !== null ? <p className="approvals__threshold">{t('ordering.approval.threshold', { threshold: formatYuan(threshold) })}</p> : null}
      <p className="approvals__outcome" role="status" tabIndex={-1} ref={outcomeRef} data-testid="approval-outcome">
        {outcome?.message}
      </p>
      {queue.isPending ? (
        <StatusMessage tone="loading" />
      ) : queue.isError ? (
        <StatusMessage tone="error" title={t('ordering.approval.failed')} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <StatusMessage tone="empty" title={t('ordering.approval.empty')} action={<Link to="/orders">{t('ordering.nav.orders')}</Link>} />
      ) : (
        <ul className="approvals__list">
          {queue.data.items.map((order) => (
            <li key={order.id}>
              <ApprovalCard
                order={order}
                onDecided={(message) => setOutcome((previous) => ({ message, seq: (previous?.seq ?? 0) + 1 }))}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ApprovalCard({ order, onDecided }: { order: BuyerOrderSummary; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useOrderLabels();
  const titleId = `approval-${order.id}`;
  return (
    <article className="approval-card" aria-labelledby={titleId} data-testid="approval-card">
      <h2 id={titleId} className="approval-card__title">
        {t('ordering.approval.orderTitle', { number: order.number })}
      </h2>
      <dl className="facts facts--inline approval-card__facts">
        <div>
          <dt>{t('ordering.approval.placedBy')}</dt>
          <dd>{order.placedByName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('ordering.approval.placed')}</dt>
          <dd>{formatChinaTime(order.createdAt, language)}</dd>
        </div>
        <div>
          <dt>{t('ordering.approval.site')}</dt>
          <dd>{order.deliverySiteName}</dd>
        </div>
        <div>
          <dt>{t('ordering.approval.date')}</dt>
          <dd>
            <time dateTime={dateOnly(order.deliveryDate)}>{dateOnly(order.deliveryDate)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('ordering.approval.method')}</dt>
          <dd>{labels.method(order.paymentMethod)}</dd>
        </div>
        <div>
          <dt>{t('ordering.approval.produce')}</dt>
          <dd>
            <Price fen={order.produceFen} />
          </dd>
        </div>
        <div>
          <dt>{t('ordering.approval.total')}</dt>
          <dd>
            <Price fen={order.totalFen} />
          </dd>
        </div>
        {order.paymentDueAt ? (
          <div>
            <dt>{t('ordering.approval.dueAt')}</dt>
            <dd>{formatChinaTime(order.paymentDueAt, language)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="approval-card__size">
        {t('ordering.approval.size', { lines: order.lineCount, suppliers: order.supplierCount })} ·{' '}
        <Link to={`/orders/${order.id}`}>{t('ordering.approval.viewOrder', { number: order.number })}</Link>
      </p>
      <ApprovalActions
        orderId={order.id}
        number={order.number}
        onDecided={(_order, decision) => onDecided(t(decision === 'approve' ? 'ordering.approval.approved' : 'ordering.approval.rejected', { number: order.number }))}
      />
    </article>
  );
}

import type { QuickOrderReport } from '@shanhai/contract';
import { buttonClassName, Container, Price, StatusMessage } from '@shanhai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../identity/session-provider';
import { BuyerGate } from './buyer-gate';
import { CartGroup } from './cart-lines';
import { useCart } from './ordering.queries';
import { CartReport, QuickOrderForm } from './quick-order';
import './ordering.css';

/** What a reorder on an order page hands to the cart page (router state): the order's number and the API's report. */
export interface ReorderState {
  readonly reorder: { readonly number: string; readonly report: QuickOrderReport };
}

function isReorderState(value: unknown): value is ReorderState {
  const r = (value as { reorder?: { number?: unknown; report?: { lines?: unknown } } } | null)?.reorder;
  return typeof r?.number === 'string' && Array.isArray(r.report?.lines);
}

export function CartPage() {
  const { t } = useTranslation();
  return (
    <Container className="page cart-page">
      <title>{`${t('ordering.cart.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('ordering.cart.title')}</h1>
      <BuyerGate>{(buyer) => <CartContent organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

interface ShownReport {
  title: string;
  report: QuickOrderReport;
}

function CartContent({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { canPurchase } = useSession();
  const location = useLocation();
  const cart = useCart(organisationId);
  const [shown, setShown] = useState<ShownReport | null>(() => {
    if (!isReorderState(location.state)) return null;
    const { number, report } = location.state.reorder;
    return { report, title: t('ordering.quickOrder.reorderTitle', { number, added: report.added, refused: report.refused }) };
  });

  const quickOrder = canPurchase ? (
    <QuickOrderForm
      organisationId={organisationId}
      onReport={(report) => setShown({ report, title: t('ordering.quickOrder.reportTitle', { added: report.added, refused: report.refused }) })}
    />
  ) : null;
  const reportPanel = shown ? <CartReport report={shown.report} title={shown.title} onDismiss={() => setShown(null)} /> : null;

  if (cart.isPending) return <StatusMessage tone="loading" />;
  if (cart.isError) return <StatusMessage tone="error" title={t('ordering.cart.failed')} onRetry={() => void cart.refetch()} />;
  const { groups } = cart.data;
  const hasProblems = groups.some((g) => g.lines.some((l) => l.problem !== null));
  // One shape whether the cart is empty or not, so the quick-order form keeps what was typed into it when the
  // first lines arrive.
  return (
    <div className={groups.length ? 'cart-layout' : 'cart-layout cart-layout--empty'}>
      <div className="cart-layout__groups">
        {reportPanel}
        {groups.length === 0 ? (
          <StatusMessage tone="empty" title={t('ordering.cart.empty')} action={<Link to="/browse">{t('ordering.cart.browse')}</Link>} />
        ) : (
          groups.map((group) => <CartGroup key={group.supplierId} group={group} organisationId={organisationId} />)
        )}
        {quickOrder}
      </div>
      {groups.length ? (
        <aside className="cart-summary" aria-labelledby="cart-summary-title">
          <h2 id="cart-summary-title" className="cart-summary__title">
            {t('ordering.checkout.summary')}
          </h2>
          <p className="cart-summary__row">
            <span>{t('ordering.cart.produce')}</span>
            <Price fen={cart.data.produceFen} />
          </p>
          <p className="cart-summary__note">{t('ordering.cart.feesLater')}</p>
          <p className="cart-summary__note">{t('ordering.cart.earliest', { date: cart.data.earliestDeliveryDate })}</p>
          {hasProblems ? (
            <p className="cart-summary__problem" role="status">
              {t('ordering.cart.hasProblems')}
            </p>
          ) : (
            <Link to="/checkout" className={buttonClassName('primary', 'cart-summary__action')}>
              {t('ordering.cart.checkout')}
            </Link>
          )}
        </aside>
      ) : null}
    </div>
  );
}

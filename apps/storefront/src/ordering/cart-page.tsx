import { buttonClassName, Container, Price, StatusMessage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BuyerGate } from './buyer-gate';
import { CartGroup } from './cart-lines';
import { useCart } from './ordering.queries';
import './ordering.css';

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

function CartContent({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const cart = useCart(organisationId);
  if (cart.isPending) return <StatusMessage tone="loading" />;
  if (cart.isError) return <StatusMessage tone="error" title={t('ordering.cart.failed')} onRetry={() => void cart.refetch()} />;
  const { groups } = cart.data;
  if (groups.length === 0) {
    return <StatusMessage tone="empty" title={t('ordering.cart.empty')} action={<Link to="/browse">{t('ordering.cart.browse')}</Link>} />;
  }
  const hasProblems = groups.some((g) => g.lines.some((l) => l.problem !== null));
  return (
    <div className="cart-layout">
      <div className="cart-layout__groups">
        {groups.map((group) => (
          <CartGroup key={group.supplierId} group={group} organisationId={organisationId} />
        ))}
      </div>
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
    </div>
  );
}
